// What activate() returns: used by the integration tests and by other extensions.

export interface CpcPolicyApi {
  /** Wall time activate() took, in milliseconds (the bench reports it). */
  readonly activationTimeMs: number;
}
