import type { Rule } from '../rule';
import { circularRef } from './circular-ref';
import { componentName } from './component-name';
import { infoDescription } from './info-description';
import { operationIdDuplicate } from './operation-id-duplicate';
import { operationIdMissing } from './operation-id-missing';
import { parameterDuplicate } from './parameter-duplicate';
import { parameterSchema } from './parameter-schema';
import { parameterStyle } from './parameter-style';
import { pathLeadingSlash } from './path-leading-slash';
import { pathTrailingSlash } from './path-trailing-slash';
import { patternInvalid } from './pattern-invalid';
import { refExternal } from './ref-external';
import { requiredEmpty } from './required-empty';
import { requiredUndefined } from './required-undefined';
import { securitySchemeHttp } from './security-scheme-http';
import { schemaDoubled } from './schema-doubled';
import { schemaKeywordUnknown } from './schema-keyword-unknown';
import { swagger2 } from './swagger-2';
import { typeName } from './type-name';
import { typeNullIn30 } from './type-null-in-3-0';

export const RULES: readonly Rule[] = [
  infoDescription,
  operationIdMissing,
  operationIdDuplicate,
  pathTrailingSlash,
  pathLeadingSlash,
  circularRef,
  patternInvalid,
  requiredUndefined,
  requiredEmpty,
  schemaDoubled,
  schemaKeywordUnknown,
  typeNullIn30,
  typeName,
  componentName,
  refExternal,
  swagger2,
  parameterSchema,
  parameterStyle,
  parameterDuplicate,
  securitySchemeHttp,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));
