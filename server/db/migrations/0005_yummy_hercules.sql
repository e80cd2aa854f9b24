CREATE TABLE "core_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" text NOT NULL,
	"fiscal_year" text NOT NULL,
	"library_code" text NOT NULL,
	"func_class_prefix" text DEFAULT '' NOT NULL,
	"dept_code" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"mof_div_code" text,
	"created_by" uuid NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"phase" text,
	"result" jsonb,
	"file" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "library_indicators" (
	"code" text PRIMARY KEY NOT NULL,
	"mof_div_code" text,
	"name" text NOT NULL,
	"name_en" text,
	"definition" text NOT NULL,
	"unit" text,
	"formula" text,
	"sign" text NOT NULL,
	"scoring_rule" text,
	"sector" text NOT NULL,
	"func_class" text,
	"kpi_lv1" text NOT NULL,
	"kpi_lv2" text NOT NULL,
	"kind" text NOT NULL,
	"progress" text NOT NULL,
	"valid_from" text,
	"valid_to" text,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "library_reference_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"library_code" text NOT NULL,
	"fiscal_year" text NOT NULL,
	"mof_div_code" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"value" numeric NOT NULL,
	"note" text,
	"is_synthetic" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kpi_lv1" text NOT NULL,
	"kpi_lv2" text NOT NULL,
	"kpi_lv3" text NOT NULL,
	"computesign" text NOT NULL,
	"kpi_val" text NOT NULL,
	"kpi_val_num" numeric,
	"meterunit" text,
	"weight" numeric(7, 2) NOT NULL,
	"progress" text NOT NULL,
	"value_basis" text,
	"library_code" text,
	"last_target" numeric,
	"last_actual" numeric,
	"data_source" text,
	"scoring_standard" text,
	"justification" text,
	"explanation" text,
	"is_core" boolean DEFAULT false NOT NULL,
	"final_actual" numeric
);
--> statement-breakpoint
CREATE TABLE "target_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"step" text,
	"action" text NOT NULL,
	"comment" text,
	"indicator_comments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"grades" jsonb,
	"grade" text,
	"fixes" text,
	"actor_id" uuid,
	"actor_name" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"status" text NOT NULL,
	"long_term_goal" text,
	"annual_goal" text,
	"justification" text,
	"explanation" text,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"adjustment_reason" text,
	"grade" text,
	"fixes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" text NOT NULL,
	"fiscal_year" text NOT NULL,
	"kind" text NOT NULL,
	"project_id" uuid,
	"pro_code" text,
	"dept_code" text NOT NULL,
	"agency_code" text,
	"amount" numeric(18, 2) NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"in_force_version" integer,
	"status" text NOT NULL,
	"step" text,
	"unlocked_at" text,
	"submitted_by" uuid,
	"task_id" uuid,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" text NOT NULL,
	"fiscal_year" text NOT NULL,
	"stage" text NOT NULL,
	"title" text NOT NULL,
	"dept_codes" jsonb NOT NULL,
	"agency_codes" jsonb NOT NULL,
	"deadline" text NOT NULL,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "core_indicators_uq" ON "core_indicators" USING btree ("mof_div_code","fiscal_year","library_code","func_class_prefix");--> statement-breakpoint
CREATE INDEX "jobs_user_idx" ON "jobs" USING btree ("created_by","created_at");--> statement-breakpoint
CREATE INDEX "library_sector_idx" ON "library_indicators" USING btree ("sector");--> statement-breakpoint
CREATE INDEX "library_func_idx" ON "library_indicators" USING btree ("func_class");--> statement-breakpoint
CREATE UNIQUE INDEX "library_ref_uq" ON "library_reference_values" USING btree ("library_code","fiscal_year","mof_div_code","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "target_indicators_seq_uq" ON "target_indicators" USING btree ("version_id","seq");--> statement-breakpoint
CREATE INDEX "target_indicators_library_idx" ON "target_indicators" USING btree ("library_code");--> statement-breakpoint
CREATE INDEX "target_reviews_target_idx" ON "target_reviews" USING btree ("target_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "target_versions_uq" ON "target_versions" USING btree ("target_id","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "targets_project_uq" ON "targets" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "targets_scope_idx" ON "targets" USING btree ("mof_div_code","fiscal_year","dept_code","agency_code");--> statement-breakpoint
CREATE INDEX "targets_step_idx" ON "targets" USING btree ("status","step");--> statement-breakpoint
CREATE INDEX "tasks_region_idx" ON "tasks" USING btree ("mof_div_code","fiscal_year");