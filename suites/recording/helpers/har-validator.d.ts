// har-validator ships no types; this declares the promise API the suites use.
declare module 'har-validator' {
  const validator: {
    har(data: unknown): Promise<unknown>;
    entry(data: unknown): Promise<unknown>;
  };
  export default validator;
}
