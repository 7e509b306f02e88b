// One way to read every subcommand's arguments: Node's util.parseArgs (strict: an unknown flag is a usage error).
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { errorText } from '../core/model/errorText';

export type CliOptions = NonNullable<ParseArgsConfig['options']>;

export interface CliArgs {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

/** Parsed arguments, or the reason they are not usable (the caller prints it with the usage and exits 2). */
export function parseCliArgs(args: string[], options: CliOptions): CliArgs | string {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values, positionals };
  } catch (err) {
    // Node's messages name the option and say how to pass a value starting with '-'; keep the first sentence.
    const message = errorText(err)
      .split('\n')[0]!
      .replace(/\. To specify.*$/, '');
    return message.charAt(0).toLowerCase() + message.slice(1);
  }
}

export function stringValue(args: CliArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function stringValues(args: CliArgs, name: string): string[] {
  const v = args.values[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
