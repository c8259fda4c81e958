-- CreateTable
CREATE TABLE "App" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clientId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "logoUrl" TEXT,
    "homepageUrl" TEXT,
    "clientType" TEXT NOT NULL,
    "availability" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "ownerGroupId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "redirectUris" JSONB NOT NULL,
    "scopes" JSONB NOT NULL,
    "setupUrl" TEXT,
    "webhookUrl" TEXT,
    "contactEmail" TEXT NOT NULL,
    "privacyPolicyUrl" TEXT,
    "termsUrl" TEXT,
    "publisherName" TEXT NOT NULL DEFAULT '',
    "publisherUrl" TEXT,
    "isMentionable" BOOLEAN NOT NULL DEFAULT false,
    "searchName" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "App_ownerGroupId_fkey" FOREIGN KEY ("ownerGroupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "App_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AppSecret" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "appId" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "hint" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    "lastUsedAt" DATETIME,
    "expiresAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "AppSecret_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AppSecret_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "App_clientId_key" ON "App"("clientId");

-- CreateIndex
CREATE INDEX "App_ownerGroupId_name_idx" ON "App"("ownerGroupId", "name");

-- CreateIndex
CREATE INDEX "App_organizationId_availability_name_idx" ON "App"("organizationId", "availability", "name");

-- CreateIndex
CREATE INDEX "App_availability_name_idx" ON "App"("availability", "name");

-- CreateIndex
CREATE UNIQUE INDEX "AppSecret_hash_key" ON "AppSecret"("hash");

-- CreateIndex
CREATE INDEX "AppSecret_appId_idx" ON "AppSecret"("appId");
