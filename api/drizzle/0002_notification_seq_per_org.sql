ALTER TABLE "notifications" ALTER COLUMN "seq" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "notification_seq" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "seq" DROP DEFAULT;--> statement-breakpoint
DROP SEQUENCE IF EXISTS "notifications_seq_seq";--> statement-breakpoint
UPDATE "orgs" SET "notification_seq" = m.seq FROM (SELECT "org_id", max("seq") AS seq FROM "notifications" GROUP BY "org_id") AS m WHERE m."org_id" = "orgs"."id";
