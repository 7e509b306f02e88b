// The Cloud PC naming-template rules as data: a rule change at Microsoft is an edit of this table
// (docs/rules.md "Naming template"). Each entry names the admin-docs version it encodes.
import { allowsUsernameToken } from '../model/provisioningKind';
import { CLOUD_PC_PROVISIONING_TYPES } from '../model/provisioningPolicy';

export interface NamingRules {
  /** Version id, e.g. '2026-03'. */
  version: string;
  /** Where the rule comes from, for messages and docs. */
  source: string;
  /** The rules in an admin's words, for messages (a version id like '2026-03' means nothing to them). */
  label: string;
  /** Expanded name length bounds, inclusive. */
  minLength: number;
  maxLength: number;
  /** Characters allowed in the fixed text around the tokens. */
  literalPattern: RegExp;
  /** Human wording of literalPattern, used in messages. */
  literalWording: string;
  /** Maximum count of fixed (literal) characters in the whole template. */
  maxFixedChars: number;
  /** A %RAND:y% token must be present. */
  randRequired: boolean;
  /** Minimum y of every %RAND:y% token. */
  minRandLength: number;
  /** Provisioning types that may use %USERNAME:x%; undefined = all. */
  usernameAllowedFor?: readonly string[];
  /** Alphabet the service draws %RAND% characters from (used by expansion and collision odds). */
  randomAlphabet: string;
}

/**
 * %RAND% alphabet: ⚠ docs/rules.md "Naming template" — 2023 docs said digits, PSCloudPC/Terraform say alphanumeric.
 * We choose upper-case alphanumeric for the current rules (what tools and observed names show) and
 * digits for the 2023 rules, so collision odds follow the version in force.
 */
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const DIGITS = '0123456789';

/** %USERNAME:x% "only for Enterprise and Frontline dedicated" (Learn: "Create a provisioning policy"): dedicated, sharedByUser and the deprecated shared. */
const USERNAME_TYPES: readonly string[] = CLOUD_PC_PROVISIONING_TYPES.filter(allowsUsernameToken);

/** Current rules (Learn: "Create a provisioning policy", ms.date 2026-03-20). */
export const NAMING_RULES_2026: NamingRules = {
  version: '2026-03',
  label: 'Windows 365 device names',
  source: 'Learn: Create a provisioning policy (2026-03)',
  minLength: 5,
  maxLength: 15,
  literalPattern: /^[A-Za-z0-9-]*$/,
  literalWording: 'ASCII letters, digits and hyphens (no spaces, no underscores)',
  maxFixedChars: 10,
  randRequired: true,
  minRandLength: 5,
  usernameAllowedFor: USERNAME_TYPES,
  randomAlphabet: ALPHANUMERIC,
};

/** Frontline shared variant of the 2024-09 docs (docs/rules.md "Naming template"): exactly 15, prefix ≤ 7, y ≥ 8. */
export const NAMING_RULES_2024_FRONTLINE_SHARED: NamingRules = {
  version: '2024-09-frontline-shared',
  label: 'Frontline shared device names',
  source: 'Learn: Create a provisioning policy (2024-09), Frontline shared',
  minLength: 15,
  maxLength: 15,
  literalPattern: /^[A-Za-z0-9-]*$/,
  literalWording: 'ASCII letters, digits and hyphens (no spaces, no underscores)',
  maxFixedChars: 7,
  randRequired: true,
  minRandLength: 8,
  usernameAllowedFor: USERNAME_TYPES,
  randomAlphabet: ALPHANUMERIC,
};

/** 2023 docs (docs/rules.md "Naming template"): 4–15 chars, %RAND% digits. Kept for old policies and the simulator. */
export const NAMING_RULES_2023: NamingRules = {
  version: '2023-05',
  label: 'device names, rules of 2023',
  source: 'Learn: Create a provisioning policy (2023-05)',
  minLength: 4,
  maxLength: 15,
  literalPattern: /^[A-Za-z0-9-]*$/,
  literalWording: 'ASCII letters, digits and hyphens',
  maxFixedChars: 15,
  randRequired: true,
  minRandLength: 1,
  randomAlphabet: DIGITS,
};

/** Every known rule set, newest first; NAMING_RULES[0] is the one in force. */
export const NAMING_RULES: readonly NamingRules[] = [
  NAMING_RULES_2026,
  NAMING_RULES_2024_FRONTLINE_SHARED,
  NAMING_RULES_2023,
];

export const CURRENT_NAMING_RULES: NamingRules = NAMING_RULES_2026;

/** Fleet size assumed for collision odds when the caller does not know it. */
export const DEFAULT_FLEET_SIZE = 1000;

/** Collision odds above this fraction are reported (warn above 1 %, docs/rules.md CPC410). */
export const COLLISION_WARNING_THRESHOLD = 0.01;
