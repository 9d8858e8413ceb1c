using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sightline.Data.Migrations.Postgres
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
                    ArticleId = table.Column<string>(type: "text", nullable: false),
                    Id = table.Column<string>(type: "text", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    ArtifactType = table.Column<int>(type: "integer", nullable: false),
                    ArtifactId = table.Column<string>(type: "text", nullable: false),
                    ArtifactKind = table.Column<string>(type: "text", nullable: true),
                    ArtifactValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleIndicators", x => new { x.ArticleId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "Articles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    SummaryContent = table.Column<string>(type: "text", nullable: true),
                    SummaryFormat = table.Column<int>(type: "integer", nullable: false),
                    BodyContent = table.Column<string>(type: "text", nullable: true),
                    BodyFormat = table.Column<int>(type: "integer", nullable: false),
                    CreatedDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastUpdatedDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IsFeatured = table.Column<bool>(type: "boolean", nullable: false),
                    ImageUrl = table.Column<string>(type: "text", nullable: true),
                    Tags = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Articles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HostComponents",
                columns: table => new
                {
                    HostId = table.Column<string>(type: "text", nullable: false),
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<string>(type: "text", nullable: false),
                    Category = table.Column<string>(type: "text", nullable: false),
                    FirstSeenDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSeenDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HostComponents", x => new { x.HostId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "HostCookies",
                columns: table => new
                {
                    HostId = table.Column<string>(type: "text", nullable: false),
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Domain = table.Column<string>(type: "text", nullable: false),
                    FirstSeenDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSeenDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HostCookies", x => new { x.HostId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "HostPairs",
                columns: table => new
                {
                    ParentHostId = table.Column<string>(type: "text", nullable: false),
                    Id = table.Column<string>(type: "text", nullable: false),
                    ChildHostId = table.Column<string>(type: "text", nullable: false),
                    ParentHostKind = table.Column<int>(type: "integer", nullable: false),
                    ChildHostKind = table.Column<int>(type: "integer", nullable: false),
                    LinkKind = table.Column<string>(type: "text", nullable: false),
                    FirstSeenDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastSeenDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HostPairs", x => new { x.ParentHostId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "HostPorts",
                columns: table => new
                {
                    HostId = table.Column<string>(type: "text", nullable: false),
                    Id = table.Column<string>(type: "text", nullable: false),
                    Port = table.Column<int>(type: "integer", nullable: false),
                    Protocol = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: true),
                    TimesObserved = table.Column<int>(type: "integer", nullable: true),
                    FirstSeenDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastSeenDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastScanDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MostRecentSslCertificateId = table.Column<string>(type: "text", nullable: true),
                    Banners = table.Column<string>(type: "jsonb", nullable: true),
                    Services = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HostPorts", x => new { x.HostId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "HostReputations",
                columns: table => new
                {
                    HostId = table.Column<string>(type: "text", nullable: false),
                    Id = table.Column<string>(type: "text", nullable: true),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Classification = table.Column<int>(type: "integer", nullable: false),
                    ComputedDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Rules = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HostReputations", x => x.HostId);
                });

            migrationBuilder.CreateTable(
                name: "HostTrackers",
                columns: table => new
                {
                    HostId = table.Column<string>(type: "text", nullable: false),
                    Id = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: false),
                    FirstSeenDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSeenDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HostTrackers", x => new { x.HostId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "Hosts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    FirstSeenDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastSeenDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Registrar = table.Column<string>(type: "text", nullable: true),
                    Registrant = table.Column<string>(type: "text", nullable: true),
                    AsNumber = table.Column<int>(type: "integer", nullable: true),
                    AsName = table.Column<string>(type: "text", nullable: true),
                    AsOrganization = table.Column<string>(type: "text", nullable: true),
                    CountryOrRegion = table.Column<string>(type: "text", nullable: true),
                    HostingProvider = table.Column<string>(type: "text", nullable: true),
                    Netblock = table.Column<string>(type: "text", nullable: true),
                    IsSynthetic = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Hosts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportedBatches",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Format = table.Column<string>(type: "text", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: false),
                    Records = table.Column<int>(type: "integer", nullable: false),
                    ImportedDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportedBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IntelProfileIndicators",
                columns: table => new
                {
                    ProfileId = table.Column<string>(type: "text", nullable: false),
                    Id = table.Column<string>(type: "text", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    ArtifactType = table.Column<int>(type: "integer", nullable: false),
                    ArtifactId = table.Column<string>(type: "text", nullable: false),
                    ArtifactKind = table.Column<string>(type: "text", nullable: true),
                    ArtifactValue = table.Column<string>(type: "text", nullable: true),
                    FirstSeenDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSeenDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntelProfileIndicators", x => new { x.ProfileId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "IntelProfiles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    FirstActiveDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Aliases = table.Column<List<string>>(type: "text[]", nullable: false),
                    Targets = table.Column<List<string>>(type: "text[]", nullable: false),
                    CountryCodes = table.Column<List<string>>(type: "text[]", nullable: false),
                    CountryLabels = table.Column<List<string>>(type: "text[]", nullable: false),
                    SummaryContent = table.Column<string>(type: "text", nullable: true),
                    SummaryFormat = table.Column<int>(type: "integer", nullable: false),
                    DescriptionContent = table.Column<string>(type: "text", nullable: true),
                    DescriptionFormat = table.Column<int>(type: "integer", nullable: false),
                    TradecraftContent = table.Column<string>(type: "text", nullable: true),
                    TradecraftFormat = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntelProfiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PassiveDnsRecords",
                columns: table => new
                {
                    ParentHostId = table.Column<string>(type: "text", nullable: false),
                    Id = table.Column<string>(type: "text", nullable: false),
                    ArtifactId = table.Column<string>(type: "text", nullable: false),
                    ArtifactKind = table.Column<int>(type: "integer", nullable: false),
                    RecordType = table.Column<string>(type: "text", nullable: false),
                    FirstSeenDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSeenDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CollectedDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PassiveDnsRecords", x => new { x.ParentHostId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "SslCertificates",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Sha1 = table.Column<string>(type: "text", nullable: false),
                    Fingerprint = table.Column<string>(type: "text", nullable: true),
                    SerialNumber = table.Column<string>(type: "text", nullable: true),
                    IssueDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ExpirationDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FirstSeenDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastSeenDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Issuer_CommonName = table.Column<string>(type: "text", nullable: true),
                    Issuer_OrganizationName = table.Column<string>(type: "text", nullable: true),
                    Issuer_OrganizationUnitName = table.Column<string>(type: "text", nullable: true),
                    Issuer_Email = table.Column<string>(type: "text", nullable: true),
                    Issuer_GivenName = table.Column<string>(type: "text", nullable: true),
                    Issuer_Surname = table.Column<string>(type: "text", nullable: true),
                    Issuer_SerialNumber = table.Column<string>(type: "text", nullable: true),
                    Issuer_City = table.Column<string>(type: "text", nullable: true),
                    Issuer_State = table.Column<string>(type: "text", nullable: true),
                    Issuer_CountryOrRegion = table.Column<string>(type: "text", nullable: true),
                    Issuer_PostalCode = table.Column<string>(type: "text", nullable: true),
                    Issuer_Street = table.Column<string>(type: "text", nullable: true),
                    Issuer_AlternateNames = table.Column<List<string>>(type: "text[]", nullable: false),
                    Subject_CommonName = table.Column<string>(type: "text", nullable: true),
                    Subject_OrganizationName = table.Column<string>(type: "text", nullable: true),
                    Subject_OrganizationUnitName = table.Column<string>(type: "text", nullable: true),
                    Subject_Email = table.Column<string>(type: "text", nullable: true),
                    Subject_GivenName = table.Column<string>(type: "text", nullable: true),
                    Subject_Surname = table.Column<string>(type: "text", nullable: true),
                    Subject_SerialNumber = table.Column<string>(type: "text", nullable: true),
                    Subject_City = table.Column<string>(type: "text", nullable: true),
                    Subject_State = table.Column<string>(type: "text", nullable: true),
                    Subject_CountryOrRegion = table.Column<string>(type: "text", nullable: true),
                    Subject_PostalCode = table.Column<string>(type: "text", nullable: true),
                    Subject_Street = table.Column<string>(type: "text", nullable: true),
                    Subject_AlternateNames = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SslCertificates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Subdomains",
                columns: table => new
                {
                    ParentHostId = table.Column<string>(type: "text", nullable: false),
                    Id = table.Column<string>(type: "text", nullable: false),
                    HostId = table.Column<string>(type: "text", nullable: false),
                    FirstSeenDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Subdomains", x => new { x.ParentHostId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "Vulnerabilities",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Severity = table.Column<int>(type: "integer", nullable: false),
                    PriorityScore = table.Column<int>(type: "integer", nullable: false),
                    Cvss2_Score = table.Column<double>(type: "double precision", nullable: false),
                    Cvss2_Severity = table.Column<int>(type: "integer", nullable: true),
                    Cvss2_VectorString = table.Column<string>(type: "text", nullable: true),
                    Cvss3_Score = table.Column<double>(type: "double precision", nullable: false),
                    Cvss3_Severity = table.Column<int>(type: "integer", nullable: true),
                    Cvss3_VectorString = table.Column<string>(type: "text", nullable: true),
                    CommonWeaknessEnumerationIds = table.Column<List<string>>(type: "text[]", nullable: false),
                    DescriptionContent = table.Column<string>(type: "text", nullable: true),
                    DescriptionFormat = table.Column<int>(type: "integer", nullable: false),
                    RemediationContent = table.Column<string>(type: "text", nullable: true),
                    RemediationFormat = table.Column<int>(type: "integer", nullable: false),
                    ExploitsAvailable = table.Column<bool>(type: "boolean", nullable: false),
                    ActiveExploitsObserved = table.Column<bool>(type: "boolean", nullable: false),
                    HasChatter = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastModifiedDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Exploits = table.Column<string>(type: "jsonb", nullable: true),
                    References = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vulnerabilities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VulnerabilityArticles",
                columns: table => new
                {
                    VulnerabilityId = table.Column<string>(type: "text", nullable: false),
                    ArticleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VulnerabilityArticles", x => new { x.VulnerabilityId, x.ArticleId });
                });

            migrationBuilder.CreateTable(
                name: "VulnerabilityComponents",
                columns: table => new
                {
                    VulnerabilityId = table.Column<string>(type: "text", nullable: false),
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VulnerabilityComponents", x => new { x.VulnerabilityId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "WhoisRecords",
                columns: table => new
                {
                    HostId = table.Column<string>(type: "text", nullable: false),
                    Id = table.Column<string>(type: "text", nullable: false),
                    IsCurrent = table.Column<bool>(type: "boolean", nullable: false),
                    DomainStatus = table.Column<string>(type: "text", nullable: true),
                    RegistrationDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ExpirationDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastUpdateDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FirstSeenDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastSeenDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RawWhoisText = table.Column<string>(type: "text", nullable: true),
                    WhoisServer = table.Column<string>(type: "text", nullable: true),
                    Abuse_Name = table.Column<string>(type: "text", nullable: true),
                    Abuse_Organization = table.Column<string>(type: "text", nullable: true),
                    Abuse_Email = table.Column<string>(type: "text", nullable: true),
                    Abuse_Telephone = table.Column<string>(type: "text", nullable: true),
                    Abuse_Fax = table.Column<string>(type: "text", nullable: true),
                    Abuse_Street = table.Column<string>(type: "text", nullable: true),
                    Abuse_City = table.Column<string>(type: "text", nullable: true),
                    Abuse_State = table.Column<string>(type: "text", nullable: true),
                    Abuse_PostalCode = table.Column<string>(type: "text", nullable: true),
                    Abuse_CountryOrRegion = table.Column<string>(type: "text", nullable: true),
                    Admin_Name = table.Column<string>(type: "text", nullable: true),
                    Admin_Organization = table.Column<string>(type: "text", nullable: true),
                    Admin_Email = table.Column<string>(type: "text", nullable: true),
                    Admin_Telephone = table.Column<string>(type: "text", nullable: true),
                    Admin_Fax = table.Column<string>(type: "text", nullable: true),
                    Admin_Street = table.Column<string>(type: "text", nullable: true),
                    Admin_City = table.Column<string>(type: "text", nullable: true),
                    Admin_State = table.Column<string>(type: "text", nullable: true),
                    Admin_PostalCode = table.Column<string>(type: "text", nullable: true),
                    Admin_CountryOrRegion = table.Column<string>(type: "text", nullable: true),
                    Billing_Name = table.Column<string>(type: "text", nullable: true),
                    Billing_Organization = table.Column<string>(type: "text", nullable: true),
                    Billing_Email = table.Column<string>(type: "text", nullable: true),
                    Billing_Telephone = table.Column<string>(type: "text", nullable: true),
                    Billing_Fax = table.Column<string>(type: "text", nullable: true),
                    Billing_Street = table.Column<string>(type: "text", nullable: true),
                    Billing_City = table.Column<string>(type: "text", nullable: true),
                    Billing_State = table.Column<string>(type: "text", nullable: true),
                    Billing_PostalCode = table.Column<string>(type: "text", nullable: true),
                    Billing_CountryOrRegion = table.Column<string>(type: "text", nullable: true),
                    Noc_Name = table.Column<string>(type: "text", nullable: true),
                    Noc_Organization = table.Column<string>(type: "text", nullable: true),
                    Noc_Email = table.Column<string>(type: "text", nullable: true),
                    Noc_Telephone = table.Column<string>(type: "text", nullable: true),
                    Noc_Fax = table.Column<string>(type: "text", nullable: true),
                    Noc_Street = table.Column<string>(type: "text", nullable: true),
                    Noc_City = table.Column<string>(type: "text", nullable: true),
                    Noc_State = table.Column<string>(type: "text", nullable: true),
                    Noc_PostalCode = table.Column<string>(type: "text", nullable: true),
                    Noc_CountryOrRegion = table.Column<string>(type: "text", nullable: true),
                    Registrant_Name = table.Column<string>(type: "text", nullable: true),
                    Registrant_Organization = table.Column<string>(type: "text", nullable: true),
                    Registrant_Email = table.Column<string>(type: "text", nullable: true),
                    Registrant_Telephone = table.Column<string>(type: "text", nullable: true),
                    Registrant_Fax = table.Column<string>(type: "text", nullable: true),
                    Registrant_Street = table.Column<string>(type: "text", nullable: true),
                    Registrant_City = table.Column<string>(type: "text", nullable: true),
                    Registrant_State = table.Column<string>(type: "text", nullable: true),
                    Registrant_PostalCode = table.Column<string>(type: "text", nullable: true),
                    Registrant_CountryOrRegion = table.Column<string>(type: "text", nullable: true),
                    Registrar_Name = table.Column<string>(type: "text", nullable: true),
                    Registrar_Organization = table.Column<string>(type: "text", nullable: true),
                    Registrar_Email = table.Column<string>(type: "text", nullable: true),
                    Registrar_Telephone = table.Column<string>(type: "text", nullable: true),
                    Registrar_Fax = table.Column<string>(type: "text", nullable: true),
                    Registrar_Street = table.Column<string>(type: "text", nullable: true),
                    Registrar_City = table.Column<string>(type: "text", nullable: true),
                    Registrar_State = table.Column<string>(type: "text", nullable: true),
                    Registrar_PostalCode = table.Column<string>(type: "text", nullable: true),
                    Registrar_CountryOrRegion = table.Column<string>(type: "text", nullable: true),
                    Technical_Name = table.Column<string>(type: "text", nullable: true),
                    Technical_Organization = table.Column<string>(type: "text", nullable: true),
                    Technical_Email = table.Column<string>(type: "text", nullable: true),
                    Technical_Telephone = table.Column<string>(type: "text", nullable: true),
                    Technical_Fax = table.Column<string>(type: "text", nullable: true),
                    Technical_Street = table.Column<string>(type: "text", nullable: true),
                    Technical_City = table.Column<string>(type: "text", nullable: true),
                    Technical_State = table.Column<string>(type: "text", nullable: true),
                    Technical_PostalCode = table.Column<string>(type: "text", nullable: true),
                    Technical_CountryOrRegion = table.Column<string>(type: "text", nullable: true),
                    Zone_Name = table.Column<string>(type: "text", nullable: true),
                    Zone_Organization = table.Column<string>(type: "text", nullable: true),
                    Zone_Email = table.Column<string>(type: "text", nullable: true),
                    Zone_Telephone = table.Column<string>(type: "text", nullable: true),
                    Zone_Fax = table.Column<string>(type: "text", nullable: true),
                    Zone_Street = table.Column<string>(type: "text", nullable: true),
                    Zone_City = table.Column<string>(type: "text", nullable: true),
                    Zone_State = table.Column<string>(type: "text", nullable: true),
                    Zone_PostalCode = table.Column<string>(type: "text", nullable: true),
                    Zone_CountryOrRegion = table.Column<string>(type: "text", nullable: true),
                    Nameservers = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WhoisRecords", x => new { x.HostId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "HostSslCertificates",
                columns: table => new
                {
                    HostId = table.Column<string>(type: "text", nullable: false),
                    Id = table.Column<string>(type: "text", nullable: false),
                    SslCertificateId = table.Column<string>(type: "text", nullable: false),
                    FirstSeenDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastSeenDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Ports = table.Column<string>(type: "jsonb", nullable: true)
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
