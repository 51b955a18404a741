import type { z } from 'zod';

/** One sentence for input a schema refused, naming each field by its label. */
export function invalidText(error: z.ZodError, labels: Record<string, string>): string {
  return error.issues.map((issue) => `${labels[String(issue.path[0])] ?? String(issue.path[0])}: ${issue.message}`).join('. ');
}
