import type { ReactElement } from 'react';
import { SessionEnded } from '../auth/session-ended';
import { NotFoundPage } from '../pages/not-found-page';
import type { Loaded } from './use-loaded';

/**
 * Shows what is loaded, or why not yet: a wait, "being processed" for a fact still travelling between services, the
 * app's "Page not found" for a 404 (the same for something of another organisation as for nothing), or the problem.
 */
export function LoadedView<T>({
  loaded,
  what,
  waiting,
  children,
}: {
  loaded: Loaded<T>;
  /** e.g. "the offering", in "Loading the offering…". */
  what: string;
  /** What to say while the API does not know it yet, when "being processed" is not the whole story. */
  waiting?: string;
  /** What to show once loaded; a page that lays out the loaded data itself leaves it out. */
  children?: (data: T) => ReactElement;
}): ReactElement | null {
  switch (loaded.state) {
    case 'loading':
      return <p aria-busy="true">Loading {what}…</p>;
    case 'processing':
      return (
        <p role="status" aria-busy="true">
          {waiting ?? `${capitalised(what)} is being processed.`} This page updates by itself.
        </p>
      );
    case 'not-found':
      return <NotFoundPage />;
    case 'failed':
      // The shell's notice already asks for a new sign-in.
      if (loaded.error instanceof SessionEnded) return <p>Sign in again to see {what}.</p>;
      return <p role="alert">{loaded.message}</p>;
    case 'ready':
      return children ? children(loaded.data) : null;
  }
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
