/**
 * Every rule's table of cases, by rule id. Only tests import this file (test/rules.test.ts runs each
 * table, and the fix-intent check reads them), so the tables never reach dist/server.js.
 */
import type { RuleCase } from '../rule';
import { cases as circularRef } from './circular-ref.cases';
import { cases as componentName } from './component-name.cases';
import { cases as infoDescription } from './info-description.cases';
import { cases as operationIdDuplicate } from './operation-id-duplicate.cases';
import { cases as operationIdMissing } from './operation-id-missing.cases';
import { cases as parameterDuplicate } from './parameter-duplicate.cases';
import { cases as parameterSchema } from './parameter-schema.cases';
import { cases as parameterStyle } from './parameter-style.cases';
import { cases as pathLeadingSlash } from './path-leading-slash.cases';
import { cases as pathTrailingSlash } from './path-trailing-slash.cases';
import { cases as patternInvalid } from './pattern-invalid.cases';
import { cases as refExternal } from './ref-external.cases';
import { cases as requiredEmpty } from './required-empty.cases';
import { cases as requiredUndefined } from './required-undefined.cases';
import { cases as securitySchemeHttp } from './security-scheme-http.cases';
import { cases as schemaDoubled } from './schema-doubled.cases';
import { cases as schemaKeywordUnknown } from './schema-keyword-unknown.cases';
import { cases as swagger2 } from './swagger-2.cases';
import { cases as typeName } from './type-name.cases';
import { cases as typeNullIn30 } from './type-null-in-3-0.cases';

export const RULE_CASES: Readonly<Record<string, readonly RuleCase[]>> = {
  'circular-ref': circularRef,
  'component-name': componentName,
  'info-description': infoDescription,
  'operation-id-duplicate': operationIdDuplicate,
  'operation-id-missing': operationIdMissing,
  'parameter-duplicate': parameterDuplicate,
  'parameter-schema': parameterSchema,
  'parameter-style': parameterStyle,
  'path-leading-slash': pathLeadingSlash,
  'path-trailing-slash': pathTrailingSlash,
  'pattern-invalid': patternInvalid,
  'ref-external': refExternal,
  'required-empty': requiredEmpty,
  'required-undefined': requiredUndefined,
  'security-scheme-http': securitySchemeHttp,
  'schema-doubled': schemaDoubled,
  'schema-keyword-unknown': schemaKeywordUnknown,
  'swagger-2': swagger2,
  'type-name': typeName,
  'type-null-in-3-0': typeNullIn30,
};
