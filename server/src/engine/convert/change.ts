/** One thing prepare did to the spec, as its report lists it (its own module: the steps of prepare report changes, and prepare imports the steps). */
export interface PrepareChange {
  kind: 'bundle' | 'convert' | 'warning' | 'fix' | 'slim';
  message: string;
  /** JSON pointer in the output, when the change has one place. */
  pointer?: string;
  ruleId?: string;
}
