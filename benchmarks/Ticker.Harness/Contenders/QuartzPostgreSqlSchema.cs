namespace Ticker.Harness;

/// <summary>
/// The tables Quartz.NET's AdoJobStore reads and writes, for PostgreSQL, created in the quartz-postgres contender's
/// fresh database before Quartz starts.
/// </summary>
/// <remarks>
/// Our own script, written for Quartz.NET 4.7.3 from the table and column names in its <c>AdoConstants</c> and the
/// statements in its <c>StdAdoConstants</c>, with the value kinds its XML docs give: instants are <c>DateTime</c>
/// ticks (UTC) and durations whole milliseconds, both <c>bigint</c>; flags are <c>boolean</c>, since the PostgreSQL
/// delegate binds .NET booleans; serialized job data, triggers and calendars are <c>bytea</c>. Names and text are
/// <c>text</c>: Quartz cuts the values it bounds (pause reasons, progress messages) itself. Quartz's own script is not
/// copied. The execution-history tables (<c>UseExecutionHistory</c>) are left out: the contender does not turn it on,
/// and Quartz only checks for them when it is on. Quartz validates the schema when it starts
/// (<c>SchemaProvisioning.Validate</c>, its default), so a missing table or column fails the run rather than a job.
/// </remarks>
internal static class QuartzPostgreSqlSchema
{
    /// <summary>Creates every table and index; the database must be empty.</summary>
    public static void Create(string connectionString) => PostgreSqlBenchServer.Execute(connectionString, Script);

    private const string Script = """
        CREATE TABLE qrtz_job_details (
            sched_name        text    NOT NULL,
            job_name          text    NOT NULL,
            job_group         text    NOT NULL,
            description       text,
            job_class_name    text    NOT NULL,
            is_durable        boolean NOT NULL,
            is_nonconcurrent  boolean NOT NULL,
            is_update_data    boolean NOT NULL,
            requests_recovery boolean NOT NULL,
            job_data          bytea,
            PRIMARY KEY (sched_name, job_name, job_group)
        );

        -- One row per trigger of any kind; the kind's own columns live in the tables below, keyed the same way.
        CREATE TABLE qrtz_triggers (
            sched_name              text    NOT NULL,
            trigger_name            text    NOT NULL,
            trigger_group           text    NOT NULL,
            job_name                text    NOT NULL,
            job_group               text    NOT NULL,
            description             text,
            next_fire_time          bigint,
            prev_fire_time          bigint,
            priority                integer,
            trigger_state           text    NOT NULL,
            trigger_type            text    NOT NULL,
            start_time              bigint  NOT NULL,
            end_time                bigint,
            calendar_name           text,
            misfire_instr           integer,
            job_data                bytea,
            misfire_orig_fire_time  bigint,
            execution_group         text,
            preferred_node          text,
            preferred_node_auto     boolean,
            retry_policy            text,
            retry_attempt           integer,
            continues_trigger_name  text,
            continues_trigger_group text,
            continuation_condition  integer,
            overlap_policy          integer,
            misfire_threshold       bigint,
            fixed_delay             boolean,
            pause_reason            text,
            paused_by               text,
            paused_at               bigint,
            PRIMARY KEY (sched_name, trigger_name, trigger_group),
            FOREIGN KEY (sched_name, job_name, job_group)
                REFERENCES qrtz_job_details (sched_name, job_name, job_group)
        );

        CREATE TABLE qrtz_simple_triggers (
            sched_name      text    NOT NULL,
            trigger_name    text    NOT NULL,
            trigger_group   text    NOT NULL,
            repeat_count    integer NOT NULL,
            repeat_interval bigint  NOT NULL,
            times_triggered integer NOT NULL,
            PRIMARY KEY (sched_name, trigger_name, trigger_group),
            FOREIGN KEY (sched_name, trigger_name, trigger_group)
                REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
        );

        CREATE TABLE qrtz_cron_triggers (
            sched_name      text NOT NULL,
            trigger_name    text NOT NULL,
            trigger_group   text NOT NULL,
            cron_expression text NOT NULL,
            time_zone_id    text,
            PRIMARY KEY (sched_name, trigger_name, trigger_group),
            FOREIGN KEY (sched_name, trigger_name, trigger_group)
                REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
        );

        -- Calendar-interval, daily-time-interval and recurrence triggers keep their settings in these generic slots.
        CREATE TABLE qrtz_simprop_triggers (
            sched_name    text NOT NULL,
            trigger_name  text NOT NULL,
            trigger_group text NOT NULL,
            str_prop_1    text,
            str_prop_2    text,
            str_prop_3    text,
            int_prop_1    integer,
            int_prop_2    integer,
            long_prop_1   bigint,
            long_prop_2   bigint,
            dec_prop_1    numeric,
            dec_prop_2    numeric,
            bool_prop_1   boolean,
            bool_prop_2   boolean,
            time_zone_id  text,
            PRIMARY KEY (sched_name, trigger_name, trigger_group),
            FOREIGN KEY (sched_name, trigger_name, trigger_group)
                REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
        );

        CREATE TABLE qrtz_blob_triggers (
            sched_name    text NOT NULL,
            trigger_name  text NOT NULL,
            trigger_group text NOT NULL,
            blob_data     bytea,
            PRIMARY KEY (sched_name, trigger_name, trigger_group),
            FOREIGN KEY (sched_name, trigger_name, trigger_group)
                REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
        );

        CREATE TABLE qrtz_calendars (
            sched_name    text  NOT NULL,
            calendar_name text  NOT NULL,
            calendar      bytea NOT NULL,
            PRIMARY KEY (sched_name, calendar_name)
        );

        CREATE TABLE qrtz_paused_trigger_grps (
            sched_name    text NOT NULL,
            trigger_group text NOT NULL,
            pause_reason  text,
            paused_by     text,
            paused_at     bigint,
            PRIMARY KEY (sched_name, trigger_group)
        );

        CREATE TABLE qrtz_paused_job_grps (
            sched_name   text NOT NULL,
            job_group    text NOT NULL,
            pause_reason text,
            paused_by    text,
            paused_at    bigint,
            PRIMARY KEY (sched_name, job_group)
        );

        -- One row per firing in flight, so a node that dies mid-job can be recovered by the others.
        CREATE TABLE qrtz_fired_triggers (
            sched_name               text    NOT NULL,
            entry_id                 text    NOT NULL,
            trigger_name             text    NOT NULL,
            trigger_group            text    NOT NULL,
            instance_name            text    NOT NULL,
            fired_time               bigint  NOT NULL,
            sched_time               bigint  NOT NULL,
            priority                 integer NOT NULL,
            state                    text    NOT NULL,
            job_name                 text,
            job_group                text,
            is_nonconcurrent         boolean,
            requests_recovery        boolean,
            execution_group          text,
            progress                 integer,
            progress_message         text,
            interrupt_requested_time bigint,
            PRIMARY KEY (sched_name, entry_id)
        );

        CREATE TABLE qrtz_scheduler_state (
            sched_name        text   NOT NULL,
            instance_name     text   NOT NULL,
            last_checkin_time bigint NOT NULL,
            checkin_interval  bigint NOT NULL,
            quartz_version    text,
            PRIMARY KEY (sched_name, instance_name)
        );

        CREATE TABLE qrtz_locks (
            sched_name text NOT NULL,
            lock_name  text NOT NULL,
            PRIMARY KEY (sched_name, lock_name)
        );

        -- Acquisition: waiting triggers due by a bound, earliest first. Misfire scans filter the same columns.
        CREATE INDEX qrtz_triggers_due ON qrtz_triggers (sched_name, trigger_state, next_fire_time);
        CREATE INDEX qrtz_triggers_of_job ON qrtz_triggers (sched_name, job_name, job_group);
        CREATE INDEX qrtz_triggers_of_calendar ON qrtz_triggers (sched_name, calendar_name);
        CREATE INDEX qrtz_fired_of_instance ON qrtz_fired_triggers (sched_name, instance_name);
        CREATE INDEX qrtz_fired_of_trigger ON qrtz_fired_triggers (sched_name, trigger_name, trigger_group);
        CREATE INDEX qrtz_fired_of_job ON qrtz_fired_triggers (sched_name, job_name, job_group);
        """;
}
