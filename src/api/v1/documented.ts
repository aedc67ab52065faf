/**
 * Documented routes: one zod schema per request part validates the request and, turned into JSON Schema, documents
 * it in the OpenAPI document (via the route schema @fastify/swagger reads). Fastify's own validation and response
 * serialisation are switched off in this scope, so zod is the single authority and its messages reach the client.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ROUTES, type RouteName } from '../../http/routes.ts';
import { parseId, parseInput } from '../validate.ts';
import { ErrorSchema } from './schemas.ts';

/**
 * OpenAPI 3.0.3 (section 4.7.25, "nullable") says `nullable: true` does not widen an `enum`: a nullable enum must list
 * null among its values, or generated clients reject the null the API sends (a plan action with no RAG rating yet).
 * zod writes `{ enum: [...], nullable: true }`, so null is added to each such enum.
 */
function nullInNullableEnums(node: unknown): void {
  if (Array.isArray(node)) {
    for (const child of node) nullInNullableEnums(child);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const schema = node as Record<string, unknown>;
  if (schema.nullable === true && Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
  for (const child of Object.values(schema)) nullInNullableEnums(child);
}

export const jsonSchemaOf = (schema: z.ZodType, io: 'input' | 'output') => {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' });
  nullInNullableEnums(json);
  return json;
};

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType> {
  name: RouteName;
  /** The path prefix the enclosing plugin was registered with. */
  prefix: string;
  summary: string;
  description?: string;
  tags: string[];
  params?: P;
  querystring?: Q;
  /** The 200 response: a zod schema of a JSON body, or the media types and a description of other bodies (CSV). */
  response: z.ZodType | { mediaTypes: string[]; description: string };
  /** What a path id that names nothing is called in the 404 message. */
  what?: string;
}

export interface RouteInput<P, Q> {
  params: P;
  query: Q;
  request: FastifyRequest;
  reply: FastifyReply;
}

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: jsonSchemaOf(ErrorSchema, 'output') } } });

export function useZodOnly(app: FastifyInstance): void {
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
}

export function documentedGet<P extends z.ZodType = z.ZodObject<{}>, Q extends z.ZodType = z.ZodObject<{}>>(
  app: FastifyInstance,
  spec: RouteSpec<P, Q>,
  handler: (input: RouteInput<z.infer<P>, z.infer<Q>>) => Promise<unknown>,
): void {
  const path: string = ROUTES[spec.name];
  if (!path.startsWith(spec.prefix)) throw new Error(`${spec.name} is outside ${spec.prefix}`);
  const ok =
    spec.response instanceof z.ZodType
      ? { description: 'OK', content: { 'application/json': { schema: jsonSchemaOf(spec.response, 'output') } } }
      : {
          description: spec.response.description,
          content: Object.fromEntries(spec.response.mediaTypes.map((mediaType) => [mediaType, { schema: { type: 'string' } }])),
        };
  app.get(
    path.slice(spec.prefix.length),
    {
      schema: {
        operationId: spec.name,
        summary: spec.summary,
        ...(spec.description ? { description: spec.description } : {}),
        tags: spec.tags,
        ...(spec.params ? { params: jsonSchemaOf(spec.params, 'input') } : {}),
        ...(spec.querystring ? { querystring: jsonSchemaOf(spec.querystring, 'input') } : {}),
        response: {
          200: ok,
          304: { description: 'Not modified: the ETag in If-None-Match still matches' },
          400: errorResponse('Bad request: a parameter is invalid (see error.problems)'),
          404: errorResponse('Not found'),
        },
      },
    },
    async (request, reply) => {
      const params = spec.params ? parseId(spec.params, request.params, spec.what ?? 'Record') : ({} as z.infer<P>);
      const query = spec.querystring ? parseInput(spec.querystring, request.query) : ({} as z.infer<Q>);
      return handler({ params, query, request, reply });
    },
  );
}
