/** The services' error shape (every 4xx and 5xx): a message and, for bad input, the fields at fault. */
export interface ApiProblem {
  status: number;
  message: string;
  errors?: { field: string; message: string }[];
}

/** Thrown for any answer that is not a success, so pages show the API's own words next to the fields. */
export class ApiError extends Error {
  constructor(readonly problem: ApiProblem) {
    super(problem.message);
  }
}
