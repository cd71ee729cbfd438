/** The one error shape every service answers with. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** Field-level problems of a 400. */
  errors?: FieldError[];
  /** On 500s only: quote it to find the logged cause; the cause itself never reaches the client. */
  errorId?: string;
}

export interface FieldError {
  field: string;
  message: string;
}
