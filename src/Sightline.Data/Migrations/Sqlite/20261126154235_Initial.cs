using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sightline.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ArticleIndicators",
                columns: table => new
                {
                    ArticleId = table.Column<string>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    ArtifactType = table.Column<int>(type: "INTEGER", nullable: false),
                    ArtifactId = table.Column<string>(type: "TEXT", nullable: false),
                    ArtifactKind = table.Column<string>(type: "TEXT", nullable: true),
                    ArtifactValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleIndicators", x => new { x.ArticleId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "Articles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    SummaryContent = table.Column<string>(type: "TEXT", nullable: true),
                    SummaryFormat = table.Column<int>(type: "INTEGER", nullable: false),
                    BodyContent = table.Column<string>(type: "TEXT", nullable: true),
                    BodyFormat = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    LastUpdatedDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    IsFeatured = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImageUrl = table.Column<string>(type: "TEXT", nullable: true),
                    Tags = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Articles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HostComponents",
                columns: table => new
                {
                    HostId = table.Column<string>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<string>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", nullable: false),
                    FirstSeenDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenDateTime = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HostComponents", x => new { x.HostId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "HostCookies",
                columns: table => new
                {
                    HostId = table.Column<string>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Domain = table.Column<string>(type: "TEXT", nullable: false),
                    FirstSeenDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenDateTime = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HostCookies", x => new { x.HostId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "HostPairs",
                columns: table => new
                {
                    ParentHostId = table.Column<string>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    ChildHostId = table.Column<string>(type: "TEXT", nullable: false),
                    ParentHostKind = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildHostKind = table.Column<int>(type: "INTEGER", nullable: false),
                    LinkKind = table.Column<string>(type: "TEXT", nullable: false),
                    FirstSeenDateTime = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSeenDateTime = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HostPairs", x => new { x.ParentHostId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "HostPorts",
                columns: table => new
                {
                    HostId = table.Column<string>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Port = table.Column<int>(type: "INTEGER", nullable: false),
                    Protocol = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: true),
                    TimesObserved = table.Column<int>(type: "INTEGER", nullable: true),
                    FirstSeenDateTime = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSeenDateTime = table.Column<long>(type: "INTEGER", nullable: true),
                    LastScanDateTime = table.Column<long>(type: "INTEGER", nullable: true),
                    MostRecentSslCertificateId = table.Column<string>(type: "TEXT", nullable: true),
                    Banners = table.Column<string>(type: "TEXT", nullable: true),
                    Services = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HostPorts", x => new { x.HostId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "HostReputations",
                columns: table => new
                {
                    HostId = table.Column<string>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: true),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Classification = table.Column<int>(type: "INTEGER", nullable: false),
                    ComputedDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    Rules = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HostReputations", x => x.HostId);
                });

            migrationBuilder.CreateTable(
                name: "HostTrackers",
                columns: table => new
                {
                    HostId = table.Column<string>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false),
                    FirstSeenDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenDateTime = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HostTrackers", x => new { x.HostId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "Hosts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstSeenDateTime = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSeenDateTime = table.Column<long>(type: "INTEGER", nullable: true),
                    Registrar = table.Column<string>(type: "TEXT", nullable: true),
                    Registrant = table.Column<string>(type: "TEXT", nullable: true),
                    AsNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    AsName = table.Column<string>(type: "TEXT", nullable: true),
                    AsOrganization = table.Column<string>(type: "TEXT", nullable: true),
                    CountryOrRegion = table.Column<string>(type: "TEXT", nullable: true),
                    HostingProvider = table.Column<string>(type: "TEXT", nullable: true),
                    Netblock = table.Column<string>(type: "TEXT", nullable: true),
                    IsSynthetic = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Hosts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportedBatches",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Format = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    Records = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportedDateTime = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportedBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IntelProfileIndicators",
                columns: table => new
                {
                    ProfileId = table.Column<string>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    ArtifactType = table.Column<int>(type: "INTEGER", nullable: false),
                    ArtifactId = table.Column<string>(type: "TEXT", nullable: false),
                    ArtifactKind = table.Column<string>(type: "TEXT", nullable: true),
                    ArtifactValue = table.Column<string>(type: "TEXT", nullable: true),
                    FirstSeenDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenDateTime = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntelProfileIndicators", x => new { x.ProfileId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "IntelProfiles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    FirstActiveDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    Aliases = table.Column<string>(type: "TEXT", nullable: false),
                    Targets = table.Column<string>(type: "TEXT", nullable: false),
                    CountryCodes = table.Column<string>(type: "TEXT", nullable: false),
                    CountryLabels = table.Column<string>(type: "TEXT", nullable: false),
                    SummaryContent = table.Column<string>(type: "TEXT", nullable: true),
                    SummaryFormat = table.Column<int>(type: "INTEGER", nullable: false),
                    DescriptionContent = table.Column<string>(type: "TEXT", nullable: true),
                    DescriptionFormat = table.Column<int>(type: "INTEGER", nullable: false),
                    TradecraftContent = table.Column<string>(type: "TEXT", nullable: true),
                    TradecraftFormat = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntelProfiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PassiveDnsRecords",
                columns: table => new
                {
                    ParentHostId = table.Column<string>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    ArtifactId = table.Column<string>(type: "TEXT", nullable: false),
                    ArtifactKind = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordType = table.Column<string>(type: "TEXT", nullable: false),
                    FirstSeenDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    CollectedDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PassiveDnsRecords", x => new { x.ParentHostId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "SslCertificates",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Sha1 = table.Column<string>(type: "TEXT", nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", nullable: true),
                    SerialNumber = table.Column<string>(type: "TEXT", nullable: true),
                    IssueDateTime = table.Column<long>(type: "INTEGER", nullable: true),
                    ExpirationDateTime = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstSeenDateTime = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSeenDateTime = table.Column<long>(type: "INTEGER", nullable: true),
                    Issuer_CommonName = table.Column<string>(type: "TEXT", nullable: true),
                    Issuer_OrganizationName = table.Column<string>(type: "TEXT", nullable: true),
                    Issuer_OrganizationUnitName = table.Column<string>(type: "TEXT", nullable: true),
                    Issuer_Email = table.Column<string>(type: "TEXT", nullable: true),
                    Issuer_GivenName = table.Column<string>(type: "TEXT", nullable: true),
                    Issuer_Surname = table.Column<string>(type: "TEXT", nullable: true),
                    Issuer_SerialNumber = table.Column<string>(type: "TEXT", nullable: true),
                    Issuer_City = table.Column<string>(type: "TEXT", nullable: true),
                    Issuer_State = table.Column<string>(type: "TEXT", nullable: true),
                    Issuer_CountryOrRegion = table.Column<string>(type: "TEXT", nullable: true),
                    Issuer_PostalCode = table.Column<string>(type: "TEXT", nullable: true),
                    Issuer_Street = table.Column<string>(type: "TEXT", nullable: true),
                    Issuer_AlternateNames = table.Column<string>(type: "TEXT", nullable: false),
                    Subject_CommonName = table.Column<string>(type: "TEXT", nullable: true),
                    Subject_OrganizationName = table.Column<string>(type: "TEXT", nullable: true),
                    Subject_OrganizationUnitName = table.Column<string>(type: "TEXT", nullable: true),
                    Subject_Email = table.Column<string>(type: "TEXT", nullable: true),
                    Subject_GivenName = table.Column<string>(type: "TEXT", nullable: true),
                    Subject_Surname = table.Column<string>(type: "TEXT", nullable: true),
                    Subject_SerialNumber = table.Column<string>(type: "TEXT", nullable: true),
                    Subject_City = table.Column<string>(type: "TEXT", nullable: true),
                    Subject_State = table.Column<string>(type: "TEXT", nullable: true),
                    Subject_CountryOrRegion = table.Column<string>(type: "TEXT", nullable: true),
                    Subject_PostalCode = table.Column<string>(type: "TEXT", nullable: true),
                    Subject_Street = table.Column<string>(type: "TEXT", nullable: true),
                    Subject_AlternateNames = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SslCertificates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Subdomains",
                columns: table => new
                {
                    ParentHostId = table.Column<string>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    HostId = table.Column<string>(type: "TEXT", nullable: false),
                    FirstSeenDateTime = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Subdomains", x => new { x.ParentHostId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "Vulnerabilities",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Severity = table.Column<int>(type: "INTEGER", nullable: false),
                    PriorityScore = table.Column<int>(type: "INTEGER", nullable: false),
                    Cvss2_Score = table.Column<double>(type: "REAL", nullable: false),
                    Cvss2_Severity = table.Column<int>(type: "INTEGER", nullable: true),
                    Cvss2_VectorString = table.Column<string>(type: "TEXT", nullable: true),
                    Cvss3_Score = table.Column<double>(type: "REAL", nullable: false),
                    Cvss3_Severity = table.Column<int>(type: "INTEGER", nullable: true),
                    Cvss3_VectorString = table.Column<string>(type: "TEXT", nullable: true),
                    CommonWeaknessEnumerationIds = table.Column<string>(type: "TEXT", nullable: false),
                    DescriptionContent = table.Column<string>(type: "TEXT", nullable: true),
                    DescriptionFormat = table.Column<int>(type: "INTEGER", nullable: false),
                    RemediationContent = table.Column<string>(type: "TEXT", nullable: true),
                    RemediationFormat = table.Column<int>(type: "INTEGER", nullable: false),
                    ExploitsAvailable = table.Column<bool>(type: "INTEGER", nullable: false),
                    ActiveExploitsObserved = table.Column<bool>(type: "INTEGER", nullable: false),
                    HasChatter = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    LastModifiedDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    Exploits = table.Column<string>(type: "TEXT", nullable: true),
                    References = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vulnerabilities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VulnerabilityArticles",
                columns: table => new
                {
                    VulnerabilityId = table.Column<string>(type: "TEXT", nullable: false),
                    ArticleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VulnerabilityArticles", x => new { x.VulnerabilityId, x.ArticleId });
                });

            migrationBuilder.CreateTable(
                name: "VulnerabilityComponents",
                columns: table => new
                {
                    VulnerabilityId = table.Column<string>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VulnerabilityComponents", x => new { x.VulnerabilityId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "WhoisRecords",
                columns: table => new
                {
                    HostId = table.Column<string>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    DomainStatus = table.Column<string>(type: "TEXT", nullable: true),
                    RegistrationDateTime = table.Column<long>(type: "INTEGER", nullable: true),
                    ExpirationDateTime = table.Column<long>(type: "INTEGER", nullable: true),
                    LastUpdateDateTime = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstSeenDateTime = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSeenDateTime = table.Column<long>(type: "INTEGER", nullable: true),
                    RawWhoisText = table.Column<string>(type: "TEXT", nullable: true),
                    WhoisServer = table.Column<string>(type: "TEXT", nullable: true),
                    Abuse_Name = table.Column<string>(type: "TEXT", nullable: true),
                    Abuse_Organization = table.Column<string>(type: "TEXT", nullable: true),
                    Abuse_Email = table.Column<string>(type: "TEXT", nullable: true),
                    Abuse_Telephone = table.Column<string>(type: "TEXT", nullable: true),
                    Abuse_Fax = table.Column<string>(type: "TEXT", nullable: true),
                    Abuse_Street = table.Column<string>(type: "TEXT", nullable: true),
                    Abuse_City = table.Column<string>(type: "TEXT", nullable: true),
                    Abuse_State = table.Column<string>(type: "TEXT", nullable: true),
                    Abuse_PostalCode = table.Column<string>(type: "TEXT", nullable: true),
                    Abuse_CountryOrRegion = table.Column<string>(type: "TEXT", nullable: true),
                    Admin_Name = table.Column<string>(type: "TEXT", nullable: true),
                    Admin_Organization = table.Column<string>(type: "TEXT", nullable: true),
                    Admin_Email = table.Column<string>(type: "TEXT", nullable: true),
                    Admin_Telephone = table.Column<string>(type: "TEXT", nullable: true),
                    Admin_Fax = table.Column<string>(type: "TEXT", nullable: true),
                    Admin_Street = table.Column<string>(type: "TEXT", nullable: true),
                    Admin_City = table.Column<string>(type: "TEXT", nullable: true),
                    Admin_State = table.Column<string>(type: "TEXT", nullable: true),
                    Admin_PostalCode = table.Column<string>(type: "TEXT", nullable: true),
                    Admin_CountryOrRegion = table.Column<string>(type: "TEXT", nullable: true),
                    Billing_Name = table.Column<string>(type: "TEXT", nullable: true),
                    Billing_Organization = table.Column<string>(type: "TEXT", nullable: true),
                    Billing_Email = table.Column<string>(type: "TEXT", nullable: true),
                    Billing_Telephone = table.Column<string>(type: "TEXT", nullable: true),
                    Billing_Fax = table.Column<string>(type: "TEXT", nullable: true),
                    Billing_Street = table.Column<string>(type: "TEXT", nullable: true),
                    Billing_City = table.Column<string>(type: "TEXT", nullable: true),
                    Billing_State = table.Column<string>(type: "TEXT", nullable: true),
                    Billing_PostalCode = table.Column<string>(type: "TEXT", nullable: true),
                    Billing_CountryOrRegion = table.Column<string>(type: "TEXT", nullable: true),
                    Noc_Name = table.Column<string>(type: "TEXT", nullable: true),
                    Noc_Organization = table.Column<string>(type: "TEXT", nullable: true),
                    Noc_Email = table.Column<string>(type: "TEXT", nullable: true),
                    Noc_Telephone = table.Column<string>(type: "TEXT", nullable: true),
                    Noc_Fax = table.Column<string>(type: "TEXT", nullable: true),
                    Noc_Street = table.Column<string>(type: "TEXT", nullable: true),
                    Noc_City = table.Column<string>(type: "TEXT", nullable: true),
                    Noc_State = table.Column<string>(type: "TEXT", nullable: true),
                    Noc_PostalCode = table.Column<string>(type: "TEXT", nullable: true),
                    Noc_CountryOrRegion = table.Column<string>(type: "TEXT", nullable: true),
                    Registrant_Name = table.Column<string>(type: "TEXT", nullable: true),
                    Registrant_Organization = table.Column<string>(type: "TEXT", nullable: true),
                    Registrant_Email = table.Column<string>(type: "TEXT", nullable: true),
                    Registrant_Telephone = table.Column<string>(type: "TEXT", nullable: true),
                    Registrant_Fax = table.Column<string>(type: "TEXT", nullable: true),
                    Registrant_Street = table.Column<string>(type: "TEXT", nullable: true),
                    Registrant_City = table.Column<string>(type: "TEXT", nullable: true),
                    Registrant_State = table.Column<string>(type: "TEXT", nullable: true),
                    Registrant_PostalCode = table.Column<string>(type: "TEXT", nullable: true),
                    Registrant_CountryOrRegion = table.Column<string>(type: "TEXT", nullable: true),
                    Registrar_Name = table.Column<string>(type: "TEXT", nullable: true),
                    Registrar_Organization = table.Column<string>(type: "TEXT", nullable: true),
                    Registrar_Email = table.Column<string>(type: "TEXT", nullable: true),
                    Registrar_Telephone = table.Column<string>(type: "TEXT", nullable: true),
                    Registrar_Fax = table.Column<string>(type: "TEXT", nullable: true),
                    Registrar_Street = table.Column<string>(type: "TEXT", nullable: true),
                    Registrar_City = table.Column<string>(type: "TEXT", nullable: true),
                    Registrar_State = table.Column<string>(type: "TEXT", nullable: true),
                    Registrar_PostalCode = table.Column<string>(type: "TEXT", nullable: true),
                    Registrar_CountryOrRegion = table.Column<string>(type: "TEXT", nullable: true),
                    Technical_Name = table.Column<string>(type: "TEXT", nullable: true),
                    Technical_Organization = table.Column<string>(type: "TEXT", nullable: true),
                    Technical_Email = table.Column<string>(type: "TEXT", nullable: true),
                    Technical_Telephone = table.Column<string>(type: "TEXT", nullable: true),
                    Technical_Fax = table.Column<string>(type: "TEXT", nullable: true),
                    Technical_Street = table.Column<string>(type: "TEXT", nullable: true),
                    Technical_City = table.Column<string>(type: "TEXT", nullable: true),
                    Technical_State = table.Column<string>(type: "TEXT", nullable: true),
                    Technical_PostalCode = table.Column<string>(type: "TEXT", nullable: true),
                    Technical_CountryOrRegion = table.Column<string>(type: "TEXT", nullable: true),
                    Zone_Name = table.Column<string>(type: "TEXT", nullable: true),
                    Zone_Organization = table.Column<string>(type: "TEXT", nullable: true),
                    Zone_Email = table.Column<string>(type: "TEXT", nullable: true),
                    Zone_Telephone = table.Column<string>(type: "TEXT", nullable: true),
                    Zone_Fax = table.Column<string>(type: "TEXT", nullable: true),
                    Zone_Street = table.Column<string>(type: "TEXT", nullable: true),
                    Zone_City = table.Column<string>(type: "TEXT", nullable: true),
                    Zone_State = table.Column<string>(type: "TEXT", nullable: true),
                    Zone_PostalCode = table.Column<string>(type: "TEXT", nullable: true),
                    Zone_CountryOrRegion = table.Column<string>(type: "TEXT", nullable: true),
                    Nameservers = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WhoisRecords", x => new { x.HostId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "HostSslCertificates",
                columns: table => new
                {
                    HostId = table.Column<string>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    SslCertificateId = table.Column<string>(type: "TEXT", nullable: false),
                    FirstSeenDateTime = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSeenDateTime = table.Column<long>(type: "INTEGER", nullable: true),
                    Ports = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HostSslCertificates", x => new { x.HostId, x.Id });
                    table.ForeignKey(
                        name: "FK_HostSslCertificates_SslCertificates_SslCertificateId",
                        column: x => x.SslCertificateId,
                        principalTable: "SslCertificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleIndicators_ArtifactId",
                table: "ArticleIndicators",
                column: "ArtifactId");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleIndicators_Id",
                table: "ArticleIndicators",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_CreatedDateTime",
                table: "Articles",
                column: "CreatedDateTime");

            migrationBuilder.CreateIndex(
                name: "IX_HostComponents_HostId_LastSeenDateTime",
                table: "HostComponents",
                columns: new[] { "HostId", "LastSeenDateTime" });

            migrationBuilder.CreateIndex(
                name: "IX_HostComponents_Id",
                table: "HostComponents",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HostComponents_Name_Version",
                table: "HostComponents",
                columns: new[] { "Name", "Version" });

            migrationBuilder.CreateIndex(
                name: "IX_HostCookies_HostId_LastSeenDateTime",
                table: "HostCookies",
                columns: new[] { "HostId", "LastSeenDateTime" });

            migrationBuilder.CreateIndex(
                name: "IX_HostCookies_Id",
                table: "HostCookies",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HostCookies_Name_Domain",
                table: "HostCookies",
                columns: new[] { "Name", "Domain" });

            migrationBuilder.CreateIndex(
                name: "IX_HostPairs_ChildHostId_LastSeenDateTime",
                table: "HostPairs",
                columns: new[] { "ChildHostId", "LastSeenDateTime" });

            migrationBuilder.CreateIndex(
                name: "IX_HostPairs_Id",
                table: "HostPairs",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HostPairs_ParentHostId_LastSeenDateTime",
                table: "HostPairs",
                columns: new[] { "ParentHostId", "LastSeenDateTime" });

            migrationBuilder.CreateIndex(
                name: "IX_HostPorts_HostId_Port",
                table: "HostPorts",
                columns: new[] { "HostId", "Port" });

            migrationBuilder.CreateIndex(
                name: "IX_HostPorts_Id",
                table: "HostPorts",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HostReputations_Classification",
                table: "HostReputations",
                column: "Classification");

            migrationBuilder.CreateIndex(
                name: "IX_HostSslCertificates_HostId_LastSeenDateTime",
                table: "HostSslCertificates",
                columns: new[] { "HostId", "LastSeenDateTime" });

            migrationBuilder.CreateIndex(
                name: "IX_HostSslCertificates_Id",
                table: "HostSslCertificates",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HostSslCertificates_SslCertificateId",
                table: "HostSslCertificates",
                column: "SslCertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_HostTrackers_HostId_LastSeenDateTime",
                table: "HostTrackers",
                columns: new[] { "HostId", "LastSeenDateTime" });

            migrationBuilder.CreateIndex(
                name: "IX_HostTrackers_Id",
                table: "HostTrackers",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HostTrackers_Kind_Value",
                table: "HostTrackers",
                columns: new[] { "Kind", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_Hosts_AsNumber",
                table: "Hosts",
                column: "AsNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Hosts_Registrar",
                table: "Hosts",
                column: "Registrar");

            migrationBuilder.CreateIndex(
                name: "IX_IntelProfileIndicators_ArtifactId",
                table: "IntelProfileIndicators",
                column: "ArtifactId");

            migrationBuilder.CreateIndex(
                name: "IX_IntelProfileIndicators_Id",
                table: "IntelProfileIndicators",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntelProfileIndicators_ProfileId_FirstSeenDateTime",
                table: "IntelProfileIndicators",
                columns: new[] { "ProfileId", "FirstSeenDateTime" });

            migrationBuilder.CreateIndex(
                name: "IX_IntelProfiles_Title",
                table: "IntelProfiles",
                column: "Title");

            migrationBuilder.CreateIndex(
                name: "IX_PassiveDnsRecords_ArtifactId_LastSeenDateTime",
                table: "PassiveDnsRecords",
                columns: new[] { "ArtifactId", "LastSeenDateTime" });

            migrationBuilder.CreateIndex(
                name: "IX_PassiveDnsRecords_Id",
                table: "PassiveDnsRecords",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PassiveDnsRecords_ParentHostId_LastSeenDateTime",
                table: "PassiveDnsRecords",
                columns: new[] { "ParentHostId", "LastSeenDateTime" });

            migrationBuilder.CreateIndex(
                name: "IX_SslCertificates_Fingerprint",
                table: "SslCertificates",
                column: "Fingerprint");

            migrationBuilder.CreateIndex(
                name: "IX_SslCertificates_LastSeenDateTime",
                table: "SslCertificates",
                column: "LastSeenDateTime");

            migrationBuilder.CreateIndex(
                name: "IX_SslCertificates_SerialNumber",
                table: "SslCertificates",
                column: "SerialNumber");

            migrationBuilder.CreateIndex(
                name: "IX_SslCertificates_Sha1",
                table: "SslCertificates",
                column: "Sha1");

            migrationBuilder.CreateIndex(
                name: "IX_Subdomains_HostId",
                table: "Subdomains",
                column: "HostId");

            migrationBuilder.CreateIndex(
                name: "IX_Subdomains_Id",
                table: "Subdomains",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Subdomains_ParentHostId_FirstSeenDateTime",
                table: "Subdomains",
                columns: new[] { "ParentHostId", "FirstSeenDateTime" });

            migrationBuilder.CreateIndex(
                name: "IX_Vulnerabilities_PublishedDateTime",
                table: "Vulnerabilities",
                column: "PublishedDateTime");

            migrationBuilder.CreateIndex(
                name: "IX_VulnerabilityArticles_ArticleId",
                table: "VulnerabilityArticles",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_WhoisRecords_ExpirationDateTime",
                table: "WhoisRecords",
                column: "ExpirationDateTime");

            migrationBuilder.CreateIndex(
                name: "IX_WhoisRecords_HostId_IsCurrent",
                table: "WhoisRecords",
                columns: new[] { "HostId", "IsCurrent" });

            migrationBuilder.CreateIndex(
                name: "IX_WhoisRecords_HostId_LastUpdateDateTime",
                table: "WhoisRecords",
                columns: new[] { "HostId", "LastUpdateDateTime" });

            migrationBuilder.CreateIndex(
                name: "IX_WhoisRecords_Id",
                table: "WhoisRecords",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WhoisRecords_Registrant_Email",
                table: "WhoisRecords",
                column: "Registrant_Email");

            migrationBuilder.CreateIndex(
                name: "IX_WhoisRecords_Registrar_Name",
                table: "WhoisRecords",
                column: "Registrar_Name");

            migrationBuilder.CreateIndex(
                name: "IX_WhoisRecords_RegistrationDateTime",
                table: "WhoisRecords",
                column: "RegistrationDateTime");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArticleIndicators");

            migrationBuilder.DropTable(
                name: "Articles");

            migrationBuilder.DropTable(
                name: "HostComponents");

            migrationBuilder.DropTable(
                name: "HostCookies");

            migrationBuilder.DropTable(
                name: "HostPairs");

            migrationBuilder.DropTable(
                name: "HostPorts");

            migrationBuilder.DropTable(
                name: "HostReputations");

            migrationBuilder.DropTable(
                name: "HostSslCertificates");

            migrationBuilder.DropTable(
                name: "HostTrackers");

            migrationBuilder.DropTable(
                name: "Hosts");

            migrationBuilder.DropTable(
                name: "ImportedBatches");

            migrationBuilder.DropTable(
                name: "IntelProfileIndicators");

            migrationBuilder.DropTable(
                name: "IntelProfiles");

            migrationBuilder.DropTable(
                name: "PassiveDnsRecords");

            migrationBuilder.DropTable(
                name: "Subdomains");

            migrationBuilder.DropTable(
                name: "Vulnerabilities");

            migrationBuilder.DropTable(
                name: "VulnerabilityArticles");

            migrationBuilder.DropTable(
                name: "VulnerabilityComponents");

            migrationBuilder.DropTable(
                name: "WhoisRecords");

            migrationBuilder.DropTable(
                name: "SslCertificates");
        }
    }
}
