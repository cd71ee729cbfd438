import type { Model, RootFilterQuery } from 'mongoose';
import { z } from 'zod';
import { WITHOUT_OUTBOX } from './record-schema';

/** `?page=&pageSize=` of every list: pages from 1, at most 200 items a page. */
export const paginationQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1).describe('the page, counted from 1'),
  pageSize: z.coerce.number().int().min(1).max(200).default(50).describe('items a page, at most 200'),
});

export type Pagination = z.output<typeof paginationQuery>;

/** The JSON shape of a `Page` of views, for the API documents. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.int().min(1),
    pageSize: z.int().min(1).max(200),
    total: z.int().min(0),
  });
}

export interface Page<T> {
  readonly items: T[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}

export function skipOf({ page, pageSize }: Pagination): number {
  return (page - 1) * pageSize;
}

/** One page of a query, with the total, read without outbox fields. */
export async function findPage<T>(
  model: Model<T>,
  filter: RootFilterQuery<T>,
  sort: Record<string, 1 | -1>,
  pagination: Pagination,
): Promise<Page<T>> {
  const [items, total] = await Promise.all([
    model
      .find(filter, WITHOUT_OUTBOX)
      .sort(sort)
      .skip(skipOf(pagination))
      .limit(pagination.pageSize)
      .lean<T[]>()
      .exec(),
    model.countDocuments(filter).exec(),
  ]);
  return { items, total, ...pagination };
}

/** One page of a list already in memory (small lists, or ones assembled from several records). */
export function pageOf<T>(items: readonly T[], pagination: Pagination): Page<T> {
  const start = skipOf(pagination);
  return { items: items.slice(start, start + pagination.pageSize), total: items.length, ...pagination };
}

/** The same page with each item turned into what the API shows. */
export function mapPage<T, U>(page: Page<T>, view: (item: T) => U): Page<U> {
  return { ...page, items: page.items.map(view) };
}
