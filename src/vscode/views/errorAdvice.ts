// A failed load in an admin's words, with the one action that fixes it (Sign In, Switch Tenant, Show Log,
// or Retry). Plain TS: the tree models show it as an error row whose click runs the action.
import { isGraphError } from '../../core/graph/graphError';
import type { Localize } from './treeNodes';
import { errorText } from '../../core/model/errorText';

export type ErrorAction = 'signIn' | 'switchTenant' | 'showLog' | 'refresh';

export interface ErrorAdvice {
  text: string;
  detail?: string;
  action: ErrorAction;
}

/** `what`: what failed to load, e.g. "Cloud PCs". */
export function adviceFor(err: unknown, what: string, t: Localize): ErrorAdvice {
  const status = isGraphError(err) ? err.status : undefined;
  const message = errorText(err);
  if (status === 401)
    return {
      text: t('Sign in to Microsoft Graph to see {0}', what),
      detail: t('your sign-in expired or is missing'),
      action: 'signIn',
    };
  if (status === 403)
    return {
      text: t('Your account may not read {0} in this tenant', what),
      detail: t('it needs the CloudPC.Read.All permission; switch tenant or sign in with another account'),
      action: 'switchTenant',
    };
  if (status === 429 || status === 503 || status === 504)
    return {
      text: t('Microsoft Graph is busy: {0} could not be loaded', what),
      detail: t('click to try again'),
      action: 'refresh',
    };
  return {
    text: t('Could not load {0}: {1}', what, message),
    detail: t('the Cloud PC log has the details'),
    action: 'showLog',
  };
}
