CREATE TABLE "dispositions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"mof_div_code" text NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kpi_lv3" text NOT NULL,
	"actual" text,
	"actual_num" numeric,
	"forecast" text,
	"planned" text,
	"likelihood" text,
	"level" text,
	"deviation_causes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"analysis" text,
	"measures" text,
	"value" numeric(14, 2),
	"light" text
);
--> statement-breakpoint
CREATE TABLE "monitoring_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"target_version" integer NOT NULL,
	"mof_div_code" text NOT NULL,
	"fiscal_year" text NOT NULL,
	"dept_code" text NOT NULL,
	"agency_code" text NOT NULL,
	"pro_code" text NOT NULL,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"budget" numeric(18, 2) NOT NULL,
	"executed" numeric(18, 2),
	"executed_source" text,
	"forecast_executed" numeric(18, 2),
	"planned_executed" numeric(18, 2),
	"execution_value" numeric(14, 2),
	"execution_light" text,
	"target_light" text,
	"project_light" text,
	"row_version" integer DEFAULT 1 NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" text NOT NULL,
	"fiscal_year" text NOT NULL,
	"title" text NOT NULL,
	"as_of" text NOT NULL,
	"dept_codes" jsonb NOT NULL,
	"agency_codes" jsonb NOT NULL,
	"deadline" text NOT NULL,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" text NOT NULL,
	"fiscal_year" text NOT NULL,
	"pro_code" text NOT NULL,
	"pay_date" text NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"voucher_no" text NOT NULL,
	"job_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "funds_status" text DEFAULT 'NORMAL' NOT NULL;--> statement-breakpoint
CREATE INDEX "dispositions_project_idx" ON "dispositions" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_indicators_uq" ON "monitoring_indicators" USING btree ("report_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_reports_uq" ON "monitoring_reports" USING btree ("round_id","project_id");--> statement-breakpoint
CREATE INDEX "monitoring_reports_scope_idx" ON "monitoring_reports" USING btree ("mof_div_code","fiscal_year","dept_code","agency_code");--> statement-breakpoint
CREATE INDEX "monitoring_reports_project_idx" ON "monitoring_reports" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "monitoring_rounds_region_idx" ON "monitoring_rounds" USING btree ("mof_div_code","fiscal_year");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_voucher_uq" ON "payments" USING btree ("mof_div_code","voucher_no");--> statement-breakpoint
CREATE INDEX "payments_project_idx" ON "payments" USING btree ("mof_div_code","fiscal_year","pro_code","pay_date");