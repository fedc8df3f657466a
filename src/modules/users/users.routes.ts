import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authErrors, ErrorResponse } from '../../server/openapi';
import { requireActor } from '../../server/plugins/session';
import { CreateUserBody, GrantIdParams, GrantInput, UpdateUserBody, UserIdParams, UserListQuery, UserListResponse, UserSchema } from './users.schema';
import * as service from './users.service';

const writeErrors = { ...authErrors, 409: ErrorResponse, 422: ErrorResponse };

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  app.get('/users', {
    schema: { tags: ['users'], summary: 'Users with roles in the organizations the caller manages', querystring: UserListQuery, response: { 200: UserListResponse, ...authErrors } },
    handler: async (req) => {
      requireActor(req);
      return service.listUsers(db(), req.ctx, req.query);
    },
  });

  app.post('/users', {
    schema: { tags: ['users'], summary: 'Create a user with its roles', body: CreateUserBody, response: { 201: UserSchema, ...writeErrors } },
    handler: async (req, reply) => {
      requireActor(req);
      return reply.status(201).send(await service.createUser(db(), req.ctx, req.body));
    },
  });

  app.get('/users/:id', {
    schema: { tags: ['users'], summary: 'A user and its roles', params: UserIdParams, response: { 200: UserSchema, ...authErrors } },
    handler: async (req) => {
      requireActor(req);
      return service.getUser(db(), req.ctx, req.params.id);
    },
  });

  app.patch('/users/:id', {
    schema: { tags: ['users'], summary: 'Change a user’s details, password or active state', params: UserIdParams, body: UpdateUserBody, response: { 200: UserSchema, ...writeErrors } },
    handler: async (req) => {
      requireActor(req);
      return service.updateUser(db(), req.ctx, req.params.id, req.body);
    },
  });

  app.post('/users/:id/grants', {
    schema: { tags: ['users'], summary: 'Give a user a role on an organization', params: UserIdParams, body: GrantInput, response: { 201: UserSchema, ...writeErrors } },
    handler: async (req, reply) => {
      requireActor(req);
      return reply.status(201).send(await service.addGrant(db(), req.ctx, req.params.id, req.body));
    },
  });

  app.delete('/users/:id/grants/:grantId', {
    schema: { tags: ['users'], summary: 'Take a role away from a user', params: GrantIdParams, response: { 200: UserSchema, ...writeErrors } },
    handler: async (req) => {
      requireActor(req);
      return service.removeGrant(db(), req.ctx, req.params.id, req.params.grantId);
    },
  });
};
