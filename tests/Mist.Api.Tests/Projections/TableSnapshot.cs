using Mist.Infrastructure.ReadModels;
using Npgsql;

namespace Mist.Api.Tests.Projections;

/// <summary>Every row of every catalog table as JSON text, in key order, to compare.</summary>
public static class TableSnapshot
{
    public static async Task<Dictionary<string, List<string>>> TakeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        var snapshot = new Dictionary<string, List<string>>();
        foreach (var table in ReadModelSchema.ProjectedTables.Append("build_progress"))
        {
            await using var command = new NpgsqlCommand(
                $"select row_to_json(t)::text from {ReadModelSchema.Live}.{table} t order by 1",
                connection);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }

            snapshot[table] = rows;
        }

        return snapshot;
    }
}
