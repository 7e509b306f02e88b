// The URI scheme of a tenant policy opened read-only from the sidebar: the language service reads it to tell a
// tenant copy from a file on disk, and the commands that open such copies write it.
export const REMOTE_SCHEME = 'cpcpolicy-remote';
