// Where each finding's rule is explained: its row in docs/rules.md (which names the Learn or Graph page the rule
// encodes), on the repository's published docs. The editor links a diagnostic's code there, and so do hovers.

/** docs/rules.md as published with the repository (package.json "repository"). */
export const RULES_DOC_URL = 'https://github.com/cpcpolicy/cpcpolicy/blob/main/docs/rules.md';

/** The anchor of a rule's row in docs/rules.md: the code in lower case (`<a id="cpc101">`). */
export function ruleAnchor(code: string): string {
  return code.toLowerCase();
}

export function ruleDocUrl(code: string): string {
  return `${RULES_DOC_URL}#${ruleAnchor(code)}`;
}
