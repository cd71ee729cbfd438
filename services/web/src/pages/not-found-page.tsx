import { Link } from '../ui/link';

/** What any page the user may not see looks like: the same as one that does not exist. */
export function NotFoundPage() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is nothing here for you. <Link to="/">Go to your start page</Link>.
      </p>
    </>
  );
}
