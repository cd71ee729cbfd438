import type { z } from 'zod';

/** Zod issues as `path: message` lines, the form used in dead letters and error responses. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map(
    (issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`,
  );
}
