import { z } from 'zod';
import { Notification } from '../schemas/notification.ts';
import { Flag, IdParam, Limit, Seq } from './common.ts';
import { endpoint } from './endpoint.ts';

export const NotificationListQuery = z.object({ unread: Flag.optional(), after: Seq.optional(), limit: Limit(500, 100) });
export const NotificationList = z.object({ notifications: z.array(Notification), unreadCount: z.number().int() });

export const listNotifications = endpoint({
  method: 'get', path: '/v1/notifications', tag: 'notifications',
  summary: "The caller's notifications, newest first (?after=<seq> catches up oldest first)",
  query: NotificationListQuery,
  responses: { 200: { description: 'Notifications', schema: NotificationList } },
});

/** Where to resume: the `Last-Event-ID` header, or `lastEventId` for clients that cannot set headers. */
export const StreamQuery = z.object({ lastEventId: z.union([z.literal(''), Seq]).optional() });

export const streamNotifications = endpoint({
  method: 'get', path: '/v1/notifications/stream', tag: 'notifications',
  summary: 'Server-Sent Events: one `notification` event per new notification, its id the seq; resumable with Last-Event-ID',
  query: StreamQuery,
  headers: { 'Last-Event-ID': { description: 'The seq of the last event received: the stream resumes after it', schema: z.union([z.literal(''), Seq]) } },
  responses: { 200: { description: 'An event stream whose `notification` events carry a Notification', schema: null, contentType: 'text/event-stream', eventSchema: Notification } },
});

export const MarkedCount = z.object({ marked: z.number().int() });

export const readAllNotifications = endpoint({
  method: 'post', path: '/v1/notifications/read-all', tag: 'notifications',
  summary: "Mark all of the caller's notifications read",
  responses: { 200: { description: 'How many were marked', schema: MarkedCount } },
});

export const readNotification = endpoint({
  method: 'post', path: '/v1/notifications/:id/read', tag: 'notifications', params: IdParam,
  summary: 'Mark one notification read',
  responses: { 200: { description: 'The notification', schema: Notification } },
  errors: [404],
});
