/**
 * What rule functions receive as `documentInventory`, and how a finding's
 * path in the resolved document is mapped back to the place in the file:
 * spectral-core's DocumentInventory, whose class is not exported, mirrored
 * (references to other files go through the stock resolver, and findings in
 * them are mapped to those files, as spectral-core does).
 */
import { decodePointerFragment, encodePointerUriFragment, extractSourceFromRef, isLocalRef } from '@stoplight/json';
import { getClosestJsonPath, isAbsoluteRef, traverseObjUntilRef } from '@stoplight/spectral-runtime';
import { resolve as resolvePath } from '@stoplight/path';
import type { DepGraph } from 'dependency-graph';
import type { GraphNodeData, Resolution } from './resolver';
import type { SpectralDocument } from './document';

type Path = Array<string | number>;

export interface AssociatedItem {
  document: SpectralDocument;
  path: Path;
  missingPropertyPath: Path;
}

export class Inventory {
  readonly resolved: unknown;
  readonly graph: DepGraph<GraphNodeData> | null;
  readonly errors: Resolution['errors'];
  /** Parser diagnostics of referenced documents; none are parsed here. */
  readonly diagnostics: never[] = [];
  constructor(
    readonly document: SpectralDocument,
    resolution: Resolution,
    /** Files that `$ref`s led to, parsed, by source. */
    readonly referencedDocuments: Record<string, SpectralDocument> = {},
  ) {
    this.resolved = resolution.result;
    this.graph = resolution.graph;
    this.errors = resolution.errors;
  }

  get source(): string | null {
    return this.document.source;
  }

  get unresolved(): unknown {
    return this.document.data;
  }

  get formats() {
    return this.document.formats ?? null;
  }

  findAssociatedItemForPath(path: Path, resolved: boolean): AssociatedItem | null {
    if (!resolved) {
      return { document: this.document, path: getClosestJsonPath(this.unresolved, path), missingPropertyPath: path };
    }
    try {
      const newPath = getClosestJsonPath(this.resolved, path);
      const $ref = traverseObjUntilRef(this.unresolved, newPath);
      if ($ref === null) {
        return { document: this.document, path: getClosestJsonPath(this.unresolved, path), missingPropertyPath: path };
      }
      const missingPropertyPath = newPath.length === 0 ? [] : path.slice(path.lastIndexOf(newPath[newPath.length - 1]) + 1);
      let source = this.source;
      if (source === null || this.graph === null) return null;
      let refMap = this.graph.getNodeData(source).refMap;
      let resolvedDoc = this.document;
      const adjustedPath = ['#', ...path.map(encodePointerUriFragment).map(String)];
      let refMapKey = '';
      for (const segment of adjustedPath) {
        if (refMapKey.length > 0) refMapKey += '/';
        refMapKey += segment;
        while (refMapKey in refMap) {
          const newRef = refMap[refMapKey];
          if (isLocalRef(newRef)) {
            refMapKey = newRef;
          } else {
            const extracted = extractSourceFromRef(newRef);
            if (extracted === null) return { document: resolvedDoc, path: getClosestJsonPath(resolvedDoc.data, path), missingPropertyPath: path };
            source = isAbsoluteRef(extracted) ? extracted : resolvePath(source, '..', extracted);
            const next = source === this.document.source ? this.document : this.referencedDocuments[source];
            if (next === undefined) return { document: resolvedDoc, path: getClosestJsonPath(resolvedDoc.data, path), missingPropertyPath: path };
            resolvedDoc = next;
            refMap = this.graph.getNodeData(source).refMap;
            refMapKey = newRef.indexOf('#') >= 0 ? newRef.slice(newRef.indexOf('#')) : '#';
          }
        }
      }
      const closestPath = getClosestJsonPath(resolvedDoc.data, refMapKeyToPath(refMapKey));
      return { document: resolvedDoc, path: closestPath, missingPropertyPath: [...closestPath, ...missingPropertyPath] };
    } catch {
      return null;
    }
  }
}

function refMapKeyToPath(refPath: string): string[] {
  if (refPath.startsWith('#/')) refPath = refPath.slice(2);
  return refPath.split('/').map(decodePointerFragment);
}
