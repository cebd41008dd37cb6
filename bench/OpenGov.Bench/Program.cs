using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OpenGov.SharedKernel.Search;

// Two commands, driven by bench/run.sh:
//   seed <sqlite-file> <proposals> <comments>   adds published proposals (and their search entries) to the 2024 demo cycle,
//                                               and <comments> comments on one proposal; prints that proposal's id
//   load <base-url> <seconds> <concurrency> <path>...   measures each path in turn: requests/s, p50, p99
//   search <sqlite|postgres> <connection-string> <requests> <query>...   the site search alone (SearchIndex.SearchAsync, as /search
//                                               calls it: 50 hits with snippets), p50/p95 per query, after a warm-up
return args.FirstOrDefault() switch
{
    "search" => await Search(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture), args[4..]),
    "seed" => await Seed(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture)),
    "load" => await Load(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture), args[4..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: seed <db> <proposals> <comments> | load <base-url> <seconds> <concurrency> <path>...");
    return 2;
}

static async Task<int> Seed(string path, int proposals, int comments)
{
    const string cycle = "3A0E5C0B-2024-4D4E-9A11-000000000003";
    await using var conn = new SqliteConnection($"Data Source={path}");
    await conn.OpenAsync();
    var axes = new List<string>();
    await using (var q = conn.CreateCommand())
    {
        q.CommandText = "SELECT Id FROM CycleAxes WHERE CycleId = $c";
        q.Parameters.AddWithValue("$c", cycle);
        await using var r = await q.ExecuteReaderAsync();
        while (await r.ReadAsync()) axes.Add(r.GetString(0));
    }
    if (axes.Count == 0) { Console.Error.WriteLine("The 2024 demo cycle is missing: start the app once with Demo:Enabled=true."); return 1; }
    string[] regions = ["national", "tanger-tetouan-al-hoceima", "oriental", "fes-meknes", "rabat-sale-kenitra", "beni-mellal-khenifra",
        "casablanca-settat", "marrakech-safi", "draa-tafilalet", "souss-massa", "guelmim-oued-noun", "laayoune-sakia-el-hamra", "dakhla-oued-eddahab"];
    string[] words = ["transparence", "budget", "commune", "données", "ouvertes", "participation", "jeunes", "santé", "école", "eau",
        "marchés", "publics", "information", "pétition", "région", "femmes", "associations", "numérique", "contrôle", "redevabilité"];
    var rng = new Random(42);
    string Text(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => words[rng.Next(words.Length)]));
    static string At(DateTime d) => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    var start = new DateTime(2023, 10, 1, 0, 0, 0, DateTimeKind.Utc);
    var sw = Stopwatch.StartNew();
    string? busiest = null;
    await using (var tx = (SqliteTransaction)await conn.BeginTransactionAsync())
    {
        await using var p = conn.CreateCommand();
        p.Transaction = tx;
        p.CommandText = """
            INSERT INTO Proposals (Id, CycleId, AuthorUserId, AuthorDisplayName, SubmitterType, Title, Problem, Solution, AxisId, Region,
              ExpectedImpact, Status, CreatedAt, UpdatedAt, SubmittedAt, PublishedAt, IsHidden, ReportCount, SupportCount, CommentCount)
            VALUES ($id, $cycle, $author, $name, $type, $title, $problem, $solution, $axis, $region, $impact, 2, $at, $at, $at, $at, 0, 0, $supports, $comments)
            """;
        string[] names = ["id", "cycle", "author", "name", "type", "title", "problem", "solution", "axis", "region", "impact", "at", "supports", "comments"];
        foreach (var n in names) p.Parameters.Add(new SqliteParameter("$" + n, null));
        await using var s = conn.CreateCommand();
        s.Transaction = tx;
        s.CommandText = "INSERT INTO SearchEntries (Kind, Key, Title, Body, Url, UpdatedAt) VALUES ('proposal', $key, $title, $body, $url, $at)";
        foreach (var n in new[] { "key", "title", "body", "url", "at" }) s.Parameters.Add(new SqliteParameter("$" + n, null));
        for (var i = 0; i < proposals; i++)
        {
            var id = Guid.NewGuid();
            var at = At(start.AddSeconds(i * 60));
            var title = $"Idée {i} : {Text(5)}";
            var problem = Text(40);
            var solution = Text(40);
            var commentCount = i == proposals / 2 ? comments : rng.Next(0, 30);
            if (i == proposals / 2) busiest = id.ToString();
            object[] values = [id.ToString().ToUpperInvariant(), cycle, $"bench-user-{i % 5000}", $"Participant {i % 5000}", rng.Next(3), title, problem,
                solution, axes[rng.Next(axes.Count)], regions[rng.Next(regions.Length)], Text(10), at, rng.Next(0, 500), commentCount];
            for (var k = 0; k < values.Length; k++) p.Parameters[k].Value = values[k];
            await p.ExecuteNonQueryAsync();
            object[] entry = [id.ToString(), title, problem + "\n" + solution, $"/proposals/{id}", at];
            for (var k = 0; k < entry.Length; k++) s.Parameters[k].Value = entry[k];
            await s.ExecuteNonQueryAsync();
        }
        await using var c = conn.CreateCommand();
        c.Transaction = tx;
        c.CommandText = """
            INSERT INTO ProposalComments (Id, ProposalId, ParentId, AuthorUserId, AuthorDisplayName, Body, CreatedAt, IsHidden, ReportCount, ReplyCount)
            VALUES ($id, $p, NULL, $author, $name, $body, $at, 0, 0, 0)
            """;
        foreach (var n in new[] { "id", "p", "author", "name", "body", "at" }) c.Parameters.Add(new SqliteParameter("$" + n, null));
        for (var i = 0; i < comments; i++)
        {
            object[] values = [Guid.NewGuid().ToString().ToUpperInvariant(), busiest!.ToUpperInvariant(), $"bench-user-{i}", $"Participant {i}",
                Text(30), At(start.AddDays(10).AddSeconds(i))];
            for (var k = 0; k < values.Length; k++) c.Parameters[k].Value = values[k];
            await c.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
    }
    await using (var a = conn.CreateCommand())
    {
        a.CommandText = "ANALYZE";
        await a.ExecuteNonQueryAsync();
    }
    Console.Error.WriteLine($"seeded {proposals} proposals and {comments} comments in {sw.Elapsed.TotalSeconds:F1} s");
    Console.WriteLine(busiest);
    return 0;
}

static async Task<int> Search(string provider, string connection, int requests, string[] queries)
{
    var options = new DbContextOptionsBuilder<SearchOnly>();
    if (provider == "postgres") options.UseNpgsql(connection); else options.UseSqlite(connection);
    await using var db = new SearchOnly(options.Options);
    var index = new SearchIndex(db, TimeProvider.System);
    Console.WriteLine($"{"query",-28} {"hits",5} {"p50 ms",8} {"p95 ms",8}");
    foreach (var q in queries)
    {
        for (var i = 0; i < 5; i++) await index.SearchAsync(q, null, 50);
        var times = new List<double>();
        var hits = 0;
        for (var i = 0; i < requests; i++)
        {
            var t = Stopwatch.GetTimestamp();
            hits = (await index.SearchAsync(q, null, 50)).Count;
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{q,-28} {hits,5} {times[times.Count / 2],8:F1} {times[Math.Min(times.Count - 1, (int)(times.Count * 0.95))],8:F1}"));
    }
    return 0;
}

static async Task<int> Load(string baseUrl, int seconds, int concurrency, string[] paths)
{
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, AllowAutoRedirect = false })
    {
        BaseAddress = new Uri(baseUrl),
        Timeout = TimeSpan.FromSeconds(30),
    };
    Console.WriteLine($"{"path",-58} {"req/s",8} {"p50 ms",8} {"p99 ms",8} {"errors",7}");
    foreach (var path in paths)
    {
        // Warm-up: JIT, query plans, caches.
        for (var i = 0; i < 20; i++) (await http.GetAsync(path)).Dispose();
        var latencies = new List<double>[concurrency];
        var errors = 0;
        var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async w =>
        {
            var mine = latencies[w] = [];
            while (Stopwatch.GetTimestamp() < until)
            {
                var t = Stopwatch.GetTimestamp();
                using var r = await http.GetAsync(path);
                await r.Content.ReadAsByteArrayAsync();
                mine.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                if (!r.IsSuccessStatusCode) Interlocked.Increment(ref errors);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double P(double q) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(q * all.Length))];
        var shown = path.Length > 58 ? path[..55] + "..." : path;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{shown,-58} {all.Length / total.Elapsed.TotalSeconds,8:F1} {P(0.50),8:F1} {P(0.99),8:F1} {errors,7}"));
    }
    return 0;
}

/// <summary>Only the search index's table: SearchIndex runs its own SQL against it.</summary>
internal sealed class SearchOnly(DbContextOptions<SearchOnly> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new SearchEntryConfiguration());
}
