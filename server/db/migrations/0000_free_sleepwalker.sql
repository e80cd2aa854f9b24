CREATE TABLE "agencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" text NOT NULL,
	"dept_code" text NOT NULL,
	"agency_code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_head" (
	"id" integer PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"actor_roles" text,
	"ip" text,
	"request_id" text,
	"mof_div_code" text,
	"entity" text NOT NULL,
	"entity_id" text,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"reason" text,
	"algorithm" text NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" text NOT NULL,
	"dept_code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fiscal_years" (
	"mof_div_code" text NOT NULL,
	"fiscal_year" text NOT NULL,
	"status" text DEFAULT 'OPEN' NOT NULL,
	CONSTRAINT "fiscal_years_mof_div_code_fiscal_year_pk" PRIMARY KEY("mof_div_code","fiscal_year")
);
--> statement-breakpoint
CREATE TABLE "login_failures" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "login_failures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" text NOT NULL,
	"user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"link" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" text NOT NULL,
	"fiscal_year" text NOT NULL,
	"version" integer NOT NULL,
	"document" jsonb NOT NULL,
	"reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" text NOT NULL,
	"fiscal_year" text NOT NULL,
	"pro_code" text NOT NULL,
	"pro_name" text NOT NULL,
	"agency_code" text NOT NULL,
	"dept_code" text NOT NULL,
	"budget_kind" text NOT NULL,
	"is_investment_fund" boolean DEFAULT false NOT NULL,
	"is_debt" boolean DEFAULT false NOT NULL,
	"is_ppp" boolean DEFAULT false NOT NULL,
	"is_purchased_service" boolean DEFAULT false NOT NULL,
	"func_class" text NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"amount_current" numeric(18, 2) DEFAULT '0' NOT NULL,
	"amount_carry_over" numeric(18, 2) DEFAULT '0' NOT NULL,
	"amount_transfer" numeric(18, 2) DEFAULT '0' NOT NULL,
	"amount_other" numeric(18, 2) DEFAULT '0' NOT NULL,
	"is_new" boolean NOT NULL,
	"start_year" text NOT NULL,
	"end_year" text NOT NULL,
	"parent_pro_code" text,
	"sub_mof_code" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"mof_div_code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "section_departments" (
	"mof_div_code" text NOT NULL,
	"section_code" text NOT NULL,
	"dept_code" text NOT NULL,
	CONSTRAINT "section_departments_mof_div_code_section_code_dept_code_pk" PRIMARY KEY("mof_div_code","section_code","dept_code")
);
--> statement-breakpoint
CREATE TABLE "finance_sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" text NOT NULL,
	"section_code" text NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text,
	"mof_div_code" text,
	"fiscal_year" text
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_roles_user_id_role_pk" PRIMARY KEY("user_id","role")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"mof_div_code" text NOT NULL,
	"dept_code" text,
	"agency_code" text,
	"section_code" text,
	"org_name" text,
	"must_change_password" boolean DEFAULT true NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"locked_until" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"password_changed_at" timestamp with time zone,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "agencies_code_uq" ON "agencies" USING btree ("mof_div_code","agency_code");--> statement-breakpoint
CREATE INDEX "agencies_dept_idx" ON "agencies" USING btree ("mof_div_code","dept_code");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_actor_idx" ON "audit_log" USING btree ("actor_name");--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "departments_code_uq" ON "departments" USING btree ("mof_div_code","dept_code");--> statement-breakpoint
CREATE INDEX "login_failures_user_idx" ON "login_failures" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "policies_version_uq" ON "policies" USING btree ("mof_div_code","fiscal_year","version");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_code_uq" ON "projects" USING btree ("mof_div_code","fiscal_year","pro_code");--> statement-breakpoint
CREATE INDEX "projects_agency_idx" ON "projects" USING btree ("mof_div_code","fiscal_year","agency_code");--> statement-breakpoint
CREATE INDEX "projects_dept_idx" ON "projects" USING btree ("mof_div_code","fiscal_year","dept_code");--> statement-breakpoint
CREATE INDEX "regions_parent_idx" ON "regions" USING btree ("parent_code");--> statement-breakpoint
CREATE UNIQUE INDEX "sections_code_uq" ON "finance_sections" USING btree ("mof_div_code","section_code");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");