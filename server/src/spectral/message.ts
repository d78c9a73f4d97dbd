/**
 * Spectral's message templates (`{{error}}`, `#{{print("property")}}` ...),
 * printed exactly as spectral-core's runner prints them; that module is not
 * part of spectral-core's public exports, so its few lines are mirrored here.
 */
import { Parser } from 'expr-eval-fork';
import { printValue } from '@stoplight/spectral-runtime';

export interface MessageVars {
  property: string | number;
  error: string;
  path: string;
  description: string | null;
  value: unknown;
  [name: string]: unknown;
}

const TEMPLATE = /#?{{([^}\n]+)}}/g;
const DISALLOWED = /constructor|process|require|global|mainModule|fs|child_process/;

export function printMessage(input: string, values: MessageVars): string {
  const parser = new Parser();
  const functions = parser.functions as Record<string, (...args: unknown[]) => unknown>;
  functions.toUpperCase = (value) => String(value).toUpperCase();
  functions.concat = (...args) => args.map(String).join('');
  functions.print = function (this: MessageVars, type: unknown) {
    if (typeof type !== 'string') return '';
    const { property, value } = this;
    switch (type) {
      case 'property':
        return property !== undefined && property !== '' ? `"${property}" property ` : 'The document ';
      case 'value':
        return printValue(value);
      default:
        return type in this && this[type] !== null ? String(this[type]) : '';
    }
  }.bind(values);
  return input.replace(TEMPLATE, (_match, identifier: string, index: number) => {
    if (index < 0 || index >= input.length) return '';
    if (input[index] === '#') {
      let expression = identifier.trim();
      if (DISALLOWED.test(expression)) return '';
      try {
        expression = expression
          .replace(/(\S+)\.toUpperCase\(\)/g, 'toUpperCase($1)')
          .replace(/\s*\+\s*/g, ',')
          .replace(/^(.+)$/, 'concat($1)');
        return String(parser.evaluate(expression, values as never));
      } catch {
        return '';
      }
    }
    if (!(identifier in values)) return '';
    return String(values[identifier]);
  });
}
