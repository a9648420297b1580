using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Mist.Infrastructure.ReadModels;

/// <summary>
/// Where the read-model tables live and how a rebuild swaps a finished shadow copy in. The
/// tables are created from the EF Core model, never by EnsureCreated (which does nothing once
/// Marten's tables exist), and never altered in place: a changed model is rebuilt into the
/// shadow schema and swapped in, which read models that derive from the log can afford.
/// </summary>
public static class ReadModelSchema
{
    public const string Live = "mist_read";
    public const string Shadow = "mist_read_rebuild";
    public const string Retired = "mist_read_retired";

    /// <summary>The tables a rebuild replaces (build_progress is not derived from the log).
    /// </summary>
    public static readonly IReadOnlyList<string> ProjectedTables =
        ["games", "versions", "version_entries", "builds", "patches"];

    private const string ProgressTable = "build_progress";

    // Projection writers hold this advisory lock shared in their transaction; a swap holds it
    // exclusively, so no batch writes into tables that are being swapped away under it.
    private const long SwapLock = 0x6d6973745f726561;

    private static readonly Lazy<string> ModelFingerprint = new(ComputeFingerprint);

    /// <summary>A hash of the model's DDL; live tables with another one are stale.</summary>
    public static string Fingerprint => ModelFingerprint.Value;

    public static async Task<string?> ReadLiveFingerprintAsync(
        NpgsqlConnection connection,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select obj_description(to_regclass('{Live}.games'), 'pg_class')", connection);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>
    /// Drops any earlier shadow and creates empty tables in the shadow schema, marked with
    /// <paramref name="fingerprint"/> (the DDL's, plus whatever else should force a rebuild
    /// when it changes).
    /// </summary>
    public static async Task CreateShadowAsync(
        NpgsqlConnection connection,
        string fingerprint,
        CancellationToken cancellationToken)
    {
        await using var db = ReadModelDbContext.Create(connection, Shadow);
        var script = db.Database.GenerateCreateScript();

        await ExecuteAsync(connection, null, $"drop schema if exists {Shadow} cascade",
            cancellationToken);
        await ExecuteAsync(connection, null, script, cancellationToken);
        await ExecuteAsync(connection, null,
            $"comment on table {Shadow}.games is '{fingerprint}'", cancellationToken);
    }

    /// <summary>Joins a projection batch's transaction to the swap lock (shared).</summary>
    public static Task EnterAsWriterAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, $"select pg_advisory_xact_lock_shared({SwapLock})",
            cancellationToken);

    /// <summary>
    /// Waits until no projection batch is writing and keeps any from starting until the
    /// transaction ends.
    /// </summary>
    public static Task EnterAsSwapperAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, $"select pg_advisory_xact_lock({SwapLock})",
            cancellationToken);

    /// <summary>
    /// Replaces the live projected tables by the shadow ones in the caller's transaction:
    /// readers see the old catalog or the new one, never a mix. Build progress stays.
    /// </summary>
    public static async Task SwapAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        CancellationToken cancellationToken)
    {
        var sql = new StringBuilder();
        sql.AppendLine($"create schema if not exists {Live};");
        sql.AppendLine($"drop schema if exists {Retired} cascade;");
        sql.AppendLine($"create schema {Retired};");
        foreach (var table in ProjectedTables)
        {
            // Indexes move with their table, so their names never clash in the live schema.
            sql.AppendLine($"alter table if exists {Live}.{table} set schema {Retired};");
            sql.AppendLine($"alter table {Shadow}.{table} set schema {Live};");
        }

        sql.AppendLine($"""
            do $$ begin
                if to_regclass('{Live}.{ProgressTable}') is null then
                    alter table {Shadow}.{ProgressTable} set schema {Live};
                end if;
            end $$;
            """);
        sql.AppendLine($"drop schema {Retired} cascade;");
        sql.AppendLine($"drop schema {Shadow} cascade;");

        await ExecuteAsync(connection, transaction, sql.ToString(), cancellationToken);
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        string sql,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string ComputeFingerprint()
    {
        using var db = ReadModelDbContext.Create("Host=unused", Live);
        var script = db.Database.GenerateCreateScript();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(script)))[..16];
    }
}
