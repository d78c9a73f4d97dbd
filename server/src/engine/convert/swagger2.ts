/**
 * Swagger 2.0 to OpenAPI 3.0 with swagger2openapi, offline: it never resolves
 * or fetches a reference, so a remote `$ref` stays a reference (swagger2openapi may rewrite its
 * pointer to the OpenAPI 3 layout) and is reported.
 */
import { convertObj } from 'swagger2openapi';
import type { Format } from '../parse';
import { toPointer } from '../pointer';
import { ConvertError } from './problems';
import { describeVersion, readSpecValue } from './read';
import { serializeLike } from './serialize';

/** Where swagger2openapi leaves a warning on the object it concerns; we collect and remove them. */
const WARN_PROPERTY = 'x-rewst-openapi-conversion-warning';

export interface ConvertWarning {
  message: string;
  /** JSON pointer in the converted document. */
  pointer: string;
}

export interface Swagger2Result {
  /** The converted document, in the input's format (JSON keeps the input's indentation). */
  text: string;
  format: Format;
  value: Record<string, unknown>;
  warnings: ConvertWarning[];
  /** How many small errors of the source swagger2openapi patched on the way. */
  patches: number;
  /** Versions before and after, for messages. */
  from: string;
  to: string;
}

/** Converts a Swagger 2.0 text; throws ConvertError for anything else or for input that does not parse. */
export async function convertSwagger2(text: string, format?: Format): Promise<Swagger2Result> {
  const input = readSpecValue(text, format);
  const converted = await convertSwagger2Value(input.value);
  return { ...converted, text: serializeLike(converted.value, input.format, text), format: input.format };
}

/** The conversion on a parsed value (which it does not modify). */
export async function convertSwagger2Value(source: Record<string, unknown>): Promise<Omit<Swagger2Result, 'text' | 'format'>> {
  const from = describeVersion(source);
  if (typeof source.openapi === 'string' && source.openapi.startsWith('3')) {
    throw new ConvertError(`This document is already ${from}: there is nothing to convert. Only Swagger 2.0 documents are converted.`);
  }
  if (source.swagger !== '2.0' && source.swagger !== 2) {
    throw new ConvertError(`Only Swagger 2.0 documents can be converted; this one is ${from}.`);
  }
  const copy = structuredClone({ ...source, swagger: '2.0' });
  const options = {
    patch: true,
    warnOnly: true,
    warnProperty: WARN_PROPERTY,
    resolve: false,
    resolveInternal: false,
    anchors: true,
    // Given so that swagger2openapi does not re-serialize a large input just to have a text.
    text: ' ',
    // Never used while resolve is off; if that ever changes, nothing is fetched.
    fetch: refuseFetch,
  };
  let result: { openapi: Record<string, unknown>; patches?: number };
  try {
    result = (await convertObj(copy as never, options as never)) as unknown as typeof result;
  } catch (e) {
    throw new ConvertError(`swagger2openapi could not convert this document: ${e instanceof Error ? e.message : String(e)}`);
  }
  const value = result.openapi;
  const warnings = collectWarnings(value);
  for (const ref of externalRefs(value))
    warnings.push({
      message: `External reference ${JSON.stringify(ref.ref)} left unresolved: conversion is offline and fetches nothing. Rewst needs every definition in the one file.`,
      pointer: ref.pointer,
    });
  return { value, warnings, patches: result.patches ?? 0, from, to: `OpenAPI ${String(value.openapi)}` };
}

function refuseFetch(): Promise<never> {
  return Promise.reject(new Error('rewst-openapi converts offline and fetches nothing'));
}

/** Walks the converted document once, iteratively, taking out swagger2openapi's warning properties. */
function collectWarnings(root: Record<string, unknown>): ConvertWarning[] {
  const out: ConvertWarning[] = [];
  walk(root, (obj, path) => {
    if (WARN_PROPERTY in obj) {
      out.push({ message: String(obj[WARN_PROPERTY]), pointer: toPointer(path) });
      delete obj[WARN_PROPERTY];
    }
  });
  return out;
}

function externalRefs(root: Record<string, unknown>): Array<{ ref: string; pointer: string }> {
  const out: Array<{ ref: string; pointer: string }> = [];
  walk(root, (obj, path) => {
    if (typeof obj.$ref === 'string' && !obj.$ref.startsWith('#')) out.push({ ref: obj.$ref, pointer: toPointer([...path, '$ref']) });
  });
  return out;
}

/** Visits every object (not arrays themselves) with its path; iterative, so depth cannot overflow the stack. */
export function walk(root: unknown, visit: (obj: Record<string, unknown>, path: Array<string | number>) => void): void {
  const stack: Array<{ value: unknown; path: Array<string | number> }> = [{ value: root, path: [] }];
  const seen = new Set<object>();
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    const obj = value as Record<string, unknown>;
    visit(obj, path);
    const keys = Object.keys(obj);
    for (let i = keys.length - 1; i >= 0; i--) stack.push({ value: obj[keys[i]], path: [...path, keys[i]] });
  }
}
