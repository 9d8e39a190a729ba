import { ArrearsInputError } from "../core/errors";
import { BUILT_IN_POLICIES, DEFAULT_ESCALATION_POLICY, parseEscalationPolicy, type EscalationPolicy } from "../core/escalation/policy";
import { DEFAULT_PROFILE, parseMappingProfile, type MappingProfile } from "../core/export/profile";
import { CliError, keyProblem, parseJsonInput, readTextInput } from "./io/input";

/**
 * The JSON settings files the commands share (--profile, --policy), read and validated the
 * same way everywhere: a problem names the file and the key.
 */

/** Reads and validates a JSON file; a problem names the file and the key (a missing key as missing, not as "expected record"). */
export async function readJsonWith<T>(file: string, what: string, stdin: NodeJS.ReadableStream, parse: (json: unknown) => T): Promise<T> {
  const json = parseJsonInput(await readTextInput(file, stdin), `the ${what} file ${file}`);
  try {
    return parse(json);
  } catch (e) {
    if (!(e instanceof ArrearsInputError)) throw e;
    throw new CliError(`the ${what} file ${file}: ${keyProblem(json, e.field, e.message)}`);
  }
}

/** The mapping profile from --profile, or the built-in one. */
export async function readProfileOption(file: string | undefined, stdin: NodeJS.ReadableStream): Promise<MappingProfile> {
  return file ? readJsonWith(file, "profile", stdin, parseMappingProfile) : DEFAULT_PROFILE;
}

/** The escalation policy from --policy: a built-in name (england, scotland…), a JSON file, or the default. */
export async function readPolicyOption(nameOrFile: string | undefined, stdin: NodeJS.ReadableStream): Promise<EscalationPolicy> {
  if (!nameOrFile) return DEFAULT_ESCALATION_POLICY;
  if (Object.hasOwn(BUILT_IN_POLICIES, nameOrFile)) return BUILT_IN_POLICIES[nameOrFile];
  return readJsonWith(nameOrFile, "policy", stdin, parseEscalationPolicy);
}
