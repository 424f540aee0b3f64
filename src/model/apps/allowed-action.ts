/** A follow-up the caller can take (§5 `allowed_actions`): on an app, what its state allows; on a problem, how to recover. */
export interface AllowedAction {
  rel: string;
  href?: string | null;
  method?: string | null;
  operation_id?: string | null;
  hint?: string | null;
  schema_ref?: string | null;
}
