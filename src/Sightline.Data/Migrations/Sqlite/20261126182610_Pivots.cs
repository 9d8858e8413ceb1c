using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sightline.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Pivots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Subdomains_HostId",
                table: "Subdomains");

            migrationBuilder.DropIndex(
                name: "IX_Hosts_AsNumber",
                table: "Hosts");

            migrationBuilder.DropIndex(
                name: "IX_Hosts_Registrar",
                table: "Hosts");

            migrationBuilder.DropIndex(
                name: "IX_HostTrackers_Kind_Value",
                table: "HostTrackers");

            migrationBuilder.DropIndex(
                name: "IX_HostSslCertificates_SslCertificateId",
                table: "HostSslCertificates");

            migrationBuilder.DropIndex(
                name: "IX_HostCookies_Name_Domain",
                table: "HostCookies");

            migrationBuilder.DropIndex(
                name: "IX_HostComponents_Name_Version",
                table: "HostComponents");

            migrationBuilder.CreateTable(
                name: "WhoisLookups",
                columns: table => new
                {
                    Path = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false),
                    RecordId = table.Column<string>(type: "TEXT", nullable: false),
                    HostId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WhoisLookups", x => new { x.Path, x.Value, x.RecordId });
                    table.ForeignKey(
                        name: "FK_WhoisLookups_WhoisRecords_HostId_RecordId",
                        columns: x => new { x.HostId, x.RecordId },
                        principalTable: "WhoisRecords",
                        principalColumns: new[] { "HostId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Subdomains_HostId_Id",
                table: "Subdomains",
                columns: new[] { "HostId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PassiveDnsRecords_ArtifactId_Id",
                table: "PassiveDnsRecords",
                columns: new[] { "ArtifactId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Hosts_AsNumber_Id",
                table: "Hosts",
                columns: new[] { "AsNumber", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Hosts_CountryOrRegion_Id",
                table: "Hosts",
                columns: new[] { "CountryOrRegion", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Hosts_Netblock_Id",
                table: "Hosts",
                columns: new[] { "Netblock", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Hosts_Registrant_Id",
                table: "Hosts",
                columns: new[] { "Registrant", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Hosts_Registrar_Id",
                table: "Hosts",
                columns: new[] { "Registrar", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_HostTrackers_Value_Id",
                table: "HostTrackers",
                columns: new[] { "Value", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_HostSslCertificates_SslCertificateId_Id",
                table: "HostSslCertificates",
                columns: new[] { "SslCertificateId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_HostPorts_MostRecentSslCertificateId_Id",
                table: "HostPorts",
                columns: new[] { "MostRecentSslCertificateId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_HostPorts_Port_Id",
                table: "HostPorts",
                columns: new[] { "Port", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_HostPairs_ChildHostId_Id",
                table: "HostPairs",
                columns: new[] { "ChildHostId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_HostCookies_Domain_Id",
                table: "HostCookies",
                columns: new[] { "Domain", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_HostCookies_Name_Id",
                table: "HostCookies",
                columns: new[] { "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_HostComponents_Name_Version_Id",
                table: "HostComponents",
                columns: new[] { "Name", "Version", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_WhoisLookups_HostId_RecordId",
                table: "WhoisLookups",
                columns: new[] { "HostId", "RecordId" });

            // Existing versions get their lookup rows (new ones get them when they are saved). Lower-casing in SQL
            // is ASCII-only on SQLite; values imported from now on are lower-cased by .NET (invariant).
            migrationBuilder.Sql(@"INSERT OR IGNORE INTO ""WhoisLookups"" (""Path"", ""Value"", ""HostId"", ""RecordId"") SELECT 'admin/email', lower(trim(""Admin_Email"")), ""HostId"", ""Id"" FROM ""WhoisRecords"" WHERE trim(coalesce(""Admin_Email"", '')) <> '';");
            migrationBuilder.Sql(@"INSERT OR IGNORE INTO ""WhoisLookups"" (""Path"", ""Value"", ""HostId"", ""RecordId"") SELECT 'admin/name', lower(trim(""Admin_Name"")), ""HostId"", ""Id"" FROM ""WhoisRecords"" WHERE trim(coalesce(""Admin_Name"", '')) <> '';");
            migrationBuilder.Sql(@"INSERT OR IGNORE INTO ""WhoisLookups"" (""Path"", ""Value"", ""HostId"", ""RecordId"") SELECT 'admin/organization', lower(trim(""Admin_Organization"")), ""HostId"", ""Id"" FROM ""WhoisRecords"" WHERE trim(coalesce(""Admin_Organization"", '')) <> '';");
            migrationBuilder.Sql(@"INSERT OR IGNORE INTO ""WhoisLookups"" (""Path"", ""Value"", ""HostId"", ""RecordId"") SELECT 'registrant/email', lower(trim(""Registrant_Email"")), ""HostId"", ""Id"" FROM ""WhoisRecords"" WHERE trim(coalesce(""Registrant_Email"", '')) <> '';");
            migrationBuilder.Sql(@"INSERT OR IGNORE INTO ""WhoisLookups"" (""Path"", ""Value"", ""HostId"", ""RecordId"") SELECT 'registrant/name', lower(trim(""Registrant_Name"")), ""HostId"", ""Id"" FROM ""WhoisRecords"" WHERE trim(coalesce(""Registrant_Name"", '')) <> '';");
            migrationBuilder.Sql(@"INSERT OR IGNORE INTO ""WhoisLookups"" (""Path"", ""Value"", ""HostId"", ""RecordId"") SELECT 'registrant/organization', lower(trim(""Registrant_Organization"")), ""HostId"", ""Id"" FROM ""WhoisRecords"" WHERE trim(coalesce(""Registrant_Organization"", '')) <> '';");
            migrationBuilder.Sql(@"INSERT OR IGNORE INTO ""WhoisLookups"" (""Path"", ""Value"", ""HostId"", ""RecordId"") SELECT 'registrar/email', lower(trim(""Registrar_Email"")), ""HostId"", ""Id"" FROM ""WhoisRecords"" WHERE trim(coalesce(""Registrar_Email"", '')) <> '';");
            migrationBuilder.Sql(@"INSERT OR IGNORE INTO ""WhoisLookups"" (""Path"", ""Value"", ""HostId"", ""RecordId"") SELECT 'registrar/name', lower(trim(""Registrar_Name"")), ""HostId"", ""Id"" FROM ""WhoisRecords"" WHERE trim(coalesce(""Registrar_Name"", '')) <> '';");
            migrationBuilder.Sql(@"INSERT OR IGNORE INTO ""WhoisLookups"" (""Path"", ""Value"", ""HostId"", ""RecordId"") SELECT 'registrar/organization', lower(trim(""Registrar_Organization"")), ""HostId"", ""Id"" FROM ""WhoisRecords"" WHERE trim(coalesce(""Registrar_Organization"", '')) <> '';");
            migrationBuilder.Sql(@"INSERT OR IGNORE INTO ""WhoisLookups"" (""Path"", ""Value"", ""HostId"", ""RecordId"") SELECT 'technical/email', lower(trim(""Technical_Email"")), ""HostId"", ""Id"" FROM ""WhoisRecords"" WHERE trim(coalesce(""Technical_Email"", '')) <> '';");
            migrationBuilder.Sql(@"INSERT OR IGNORE INTO ""WhoisLookups"" (""Path"", ""Value"", ""HostId"", ""RecordId"") SELECT 'technical/name', lower(trim(""Technical_Name"")), ""HostId"", ""Id"" FROM ""WhoisRecords"" WHERE trim(coalesce(""Technical_Name"", '')) <> '';");
            migrationBuilder.Sql(@"INSERT OR IGNORE INTO ""WhoisLookups"" (""Path"", ""Value"", ""HostId"", ""RecordId"") SELECT 'technical/organization', lower(trim(""Technical_Organization"")), ""HostId"", ""Id"" FROM ""WhoisRecords"" WHERE trim(coalesce(""Technical_Organization"", '')) <> '';");
            migrationBuilder.Sql(@"INSERT OR IGNORE INTO ""WhoisLookups"" (""Path"", ""Value"", ""HostId"", ""RecordId"") SELECT 'nameservers/host/id', lower(trim(json_extract(n.value, '$.HostId'))), w.""HostId"", w.""Id"" FROM ""WhoisRecords"" w, json_each(w.""Nameservers"") n WHERE trim(coalesce(json_extract(n.value, '$.HostId'), '')) <> '';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WhoisLookups");

            migrationBuilder.DropIndex(
                name: "IX_Subdomains_HostId_Id",
                table: "Subdomains");

            migrationBuilder.DropIndex(
                name: "IX_PassiveDnsRecords_ArtifactId_Id",
                table: "PassiveDnsRecords");

            migrationBuilder.DropIndex(
                name: "IX_Hosts_AsNumber_Id",
                table: "Hosts");

            migrationBuilder.DropIndex(
                name: "IX_Hosts_CountryOrRegion_Id",
                table: "Hosts");

            migrationBuilder.DropIndex(
                name: "IX_Hosts_Netblock_Id",
                table: "Hosts");

            migrationBuilder.DropIndex(
                name: "IX_Hosts_Registrant_Id",
                table: "Hosts");

            migrationBuilder.DropIndex(
                name: "IX_Hosts_Registrar_Id",
                table: "Hosts");

            migrationBuilder.DropIndex(
                name: "IX_HostTrackers_Value_Id",
                table: "HostTrackers");

            migrationBuilder.DropIndex(
                name: "IX_HostSslCertificates_SslCertificateId_Id",
                table: "HostSslCertificates");

            migrationBuilder.DropIndex(
                name: "IX_HostPorts_MostRecentSslCertificateId_Id",
                table: "HostPorts");

            migrationBuilder.DropIndex(
                name: "IX_HostPorts_Port_Id",
                table: "HostPorts");

            migrationBuilder.DropIndex(
                name: "IX_HostPairs_ChildHostId_Id",
                table: "HostPairs");

            migrationBuilder.DropIndex(
                name: "IX_HostCookies_Domain_Id",
                table: "HostCookies");

            migrationBuilder.DropIndex(
                name: "IX_HostCookies_Name_Id",
                table: "HostCookies");

            migrationBuilder.DropIndex(
                name: "IX_HostComponents_Name_Version_Id",
                table: "HostComponents");

            migrationBuilder.CreateIndex(
                name: "IX_Subdomains_HostId",
                table: "Subdomains",
                column: "HostId");

            migrationBuilder.CreateIndex(
                name: "IX_Hosts_AsNumber",
                table: "Hosts",
                column: "AsNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Hosts_Registrar",
                table: "Hosts",
                column: "Registrar");

            migrationBuilder.CreateIndex(
                name: "IX_HostTrackers_Kind_Value",
                table: "HostTrackers",
                columns: new[] { "Kind", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_HostSslCertificates_SslCertificateId",
                table: "HostSslCertificates",
                column: "SslCertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_HostCookies_Name_Domain",
                table: "HostCookies",
                columns: new[] { "Name", "Domain" });

            migrationBuilder.CreateIndex(
                name: "IX_HostComponents_Name_Version",
                table: "HostComponents",
                columns: new[] { "Name", "Version" });
        }
    }
}
