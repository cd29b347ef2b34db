import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = Symbol('isPublic');

/** Marks a route that needs no access token (login, API docs). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

export const STREAM_TICKET = Symbol('streamTicket');

/**
 * Marks the live-updates stream: a browser's EventSource cannot send headers, so it authenticates with a single-use
 * ticket (`?ticket=`) from an authenticated `POST /tasks/events/ticket`, never with the access token.
 */
export const StreamTicket = (): MethodDecorator & ClassDecorator => SetMetadata(STREAM_TICKET, true);
