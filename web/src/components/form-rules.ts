/** An antd form validator from a check that returns the problem text, or null when fine. */
export function validatorOf<T>(check: (value: T | undefined) => string | null) {
  return (_rule: unknown, value: T | undefined): Promise<void> => {
    const problem = check(value);
    return problem === null ? Promise.resolve() : Promise.reject(new Error(problem));
  };
}
