/** Order of requests within this process, for those that are queued in the same millisecond. */
let requestSeq = 0;

/** The next request's place in its offering's queue: the time, then a counter that breaks ties within a millisecond. */
export function nextRequestOrder(): { requestedAt: Date; requestSeq: number } {
  requestSeq += 1;
  return { requestedAt: new Date(), requestSeq };
}
