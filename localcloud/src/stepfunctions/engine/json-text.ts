/**
 * Serialises values once per transaction: a state's output is also the next state's input, the
 * run's record and often the execution's output, and the same object asked again gives back the
 * same text. Values are never modified once made (input and output processing copy what they
 * change), so identity stands for content while a transaction is being built.
 */
export class JsonTextCache {
  private texts: Map<object, string> | undefined;

  /** `JSON.stringify(value)`, from the cache for an object already serialised. */
  of(value: unknown): string | undefined {
    if (value === null || typeof value !== 'object') return JSON.stringify(value);
    if (!this.texts) this.texts = new Map();
    let text = this.texts.get(value);
    if (text === undefined) {
      text = JSON.stringify(value) as string | undefined;
      if (text !== undefined) this.texts.set(value, text);
    }
    return text;
  }
}
