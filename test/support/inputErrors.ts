import { ArrearsInputError } from "../../core/errors";

/** The ArrearsInputError a call throws; fails the test if it returns or throws anything else. */
export function errorOf(fn: () => unknown): ArrearsInputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ArrearsInputError) return e;
    throw e;
  }
  throw new Error("expected an ArrearsInputError");
}
