/** A spec and a settings file with markup and script in every string the forms show. */
import type { FormInit } from '../../client/src/forms-protocol';
import type { IntegrationSettings } from '../../server/src/engine/settings';
import { formInit } from './form-init';

export const HOSTILE_SPEC = {
  openapi: '3.0.0',
  info: {
    title: '</title><script>alert("title")</script>',
    description: '"><img src=x onerror=alert("description")>',
    version: '1',
    'x-logo': { url: 'javascript:alert("logo")' },
  },
  servers: [{ url: 'https://api.example.com/v1' }],
  components: {
    securitySchemes: {
      '<svg onload=alert("scheme")>': { type: 'apiKey', in: 'header', name: 'X-"><script>alert("header")</script>', description: 'Bearer <b>token</b>' },
    },
  },
  paths: {
    '/items/<script>alert("path")</script>': {
      get: {
        operationId: 'list"><img src=x onerror=alert("op")>',
        summary: '<iframe src="javascript:alert(\'summary\')"></iframe>',
        parameters: [
          { name: 'limit"><b onmouseover=alert("param")>', in: 'query', schema: { type: 'integer', maximum: 50 } },
          { name: 'cursor', in: 'query', schema: { type: 'string' } },
        ],
        responses: {
          '200': {
            description: 'ok',
            content: {
              'application/json': {
                schema: { type: 'object', properties: { data: { type: 'array', items: { type: 'object' } }, next_cursor: { type: 'string' } } },
              },
            },
          },
        },
      },
    },
  },
};

/** A settings file edited by hand can hold anything too. */
export const HOSTILE_SETTINGS: IntegrationSettings = {
  name: '<script>alert("name")</script>',
  hostname: '"><img src=x onerror=alert("hostname")>',
  icon: "'><svg onload=alert('icon')>.svg",
  description: '</textarea><script>alert("description")</script>',
  auth: { method: 'api-key', apiKeyHeaderName: '"><script>alert(1)</script>', apiKeyPreamble: "' onfocus='alert(2)" },
  extraRequestHeaders: { '<b>X</b>': '</textarea><img src=x>' },
  pagination: { type: '<script>' as never, resultsKey: '"><script>x</script>', pageSizeParam: 'limit"><b onmouseover=alert("param")>', afterParam: 'cursor' },
  paginatedActions: ['list"><img src=x onerror=alert("op")>', 'gone<script>alert("gone")</script>'],
};

export function hostileInit(kind: FormInit['kind'], settings?: IntegrationSettings): FormInit {
  const files = {
    specUri: 'file:///tmp/evil%22%3E%3Cscript%3E.json',
    settingsUri: 'file:///tmp/evil.rewst-integration.json',
    specName: 'evil"><script>.json',
    settingsName: 'evil"><img src=x>.rewst-integration.json',
  };
  return formInit(kind, HOSTILE_SPEC, files, settings, true);
}
