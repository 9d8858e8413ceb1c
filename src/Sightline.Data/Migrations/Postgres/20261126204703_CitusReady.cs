using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sightline.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CitusReady : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WhoisRecords_Id",
                table: "WhoisRecords");

            migrationBuilder.DropPrimaryKey(
                name: "PK_WhoisLookups",
                table: "WhoisLookups");

            migrationBuilder.DropIndex(
                name: "IX_Subdomains_Id",
                table: "Subdomains");

            migrationBuilder.DropIndex(
                name: "IX_PassiveDnsRecords_Id",
                table: "PassiveDnsRecords");

            migrationBuilder.DropIndex(
                name: "IX_HostTrackers_Id",
                table: "HostTrackers");

            migrationBuilder.DropIndex(
                name: "IX_HostSslCertificates_Id",
                table: "HostSslCertificates");

            migrationBuilder.DropIndex(
                name: "IX_HostPorts_Id",
                table: "HostPorts");

            migrationBuilder.DropIndex(
                name: "IX_HostPairs_Id",
                table: "HostPairs");

            migrationBuilder.DropIndex(
                name: "IX_HostCookies_Id",
                table: "HostCookies");

            migrationBuilder.DropIndex(
                name: "IX_HostComponents_Id",
                table: "HostComponents");

            migrationBuilder.AddPrimaryKey(
                name: "PK_WhoisLookups",
                table: "WhoisLookups",
                columns: new[] { "Path", "Value", "HostId", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_WhoisRecords_Id",
                table: "WhoisRecords",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_Subdomains_Id",
                table: "Subdomains",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_PassiveDnsRecords_Id",
                table: "PassiveDnsRecords",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_HostTrackers_Id",
                table: "HostTrackers",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_HostSslCertificates_Id",
                table: "HostSslCertificates",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_HostPorts_Id",
                table: "HostPorts",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_HostPairs_Id",
                table: "HostPairs",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_HostCookies_Id",
                table: "HostCookies",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_HostComponents_Id",
                table: "HostComponents",
                column: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WhoisRecords_Id",
                table: "WhoisRecords");

            migrationBuilder.DropPrimaryKey(
                name: "PK_WhoisLookups",
                table: "WhoisLookups");

            migrationBuilder.DropIndex(
                name: "IX_Subdomains_Id",
                table: "Subdomains");

            migrationBuilder.DropIndex(
                name: "IX_PassiveDnsRecords_Id",
                table: "PassiveDnsRecords");

            migrationBuilder.DropIndex(
                name: "IX_HostTrackers_Id",
                table: "HostTrackers");

            migrationBuilder.DropIndex(
                name: "IX_HostSslCertificates_Id",
                table: "HostSslCertificates");

            migrationBuilder.DropIndex(
                name: "IX_HostPorts_Id",
                table: "HostPorts");

            migrationBuilder.DropIndex(
                name: "IX_HostPairs_Id",
                table: "HostPairs");

            migrationBuilder.DropIndex(
                name: "IX_HostCookies_Id",
                table: "HostCookies");

            migrationBuilder.DropIndex(
                name: "IX_HostComponents_Id",
                table: "HostComponents");

            migrationBuilder.AddPrimaryKey(
                name: "PK_WhoisLookups",
                table: "WhoisLookups",
                columns: new[] { "Path", "Value", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_WhoisRecords_Id",
                table: "WhoisRecords",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Subdomains_Id",
                table: "Subdomains",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PassiveDnsRecords_Id",
                table: "PassiveDnsRecords",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HostTrackers_Id",
                table: "HostTrackers",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HostSslCertificates_Id",
                table: "HostSslCertificates",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HostPorts_Id",
                table: "HostPorts",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HostPairs_Id",
                table: "HostPairs",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HostCookies_Id",
                table: "HostCookies",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HostComponents_Id",
                table: "HostComponents",
                column: "Id",
                unique: true);
        }
    }
}
