import { ErrorCategory, ZoomJoinError, type SignatureProblem } from '../errors.js';
import { inspectSignature } from './inspect.js';

export interface SignatureExpectations {
  meetingNumber: string;
  role: 0 | 1;
  sdkKey?: string;
}

/**
 * The in-page check before Zoom sees the signature: errors stop the join here, with every problem attached;
 * warnings are returned so the element can report them and go on.
 */
export function checkSignature(signature: string, expected: SignatureExpectations): SignatureProblem[] {
  const { problems } = inspectSignature(signature, expected);
  const errors = problems.filter((problem) => problem.severity === 'error');
  const first = errors[0];
  if (first) {
    throw new ZoomJoinError({
      code: 'signature-rejected-locally',
      category: ErrorCategory.signature,
      title: 'The signature was rejected before joining',
      message: `The signature would be refused by Zoom: ${first.message}`,
      hint: first.hint,
      steps: first.steps,
      problems,
    });
  }
  return problems.filter((problem) => problem.severity === 'warning');
}
