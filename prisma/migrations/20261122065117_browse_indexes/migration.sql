-- DropIndex
DROP INDEX "App_ownerGroupId_name_idx";

-- DropIndex
DROP INDEX "App_organizationId_availability_name_idx";

-- DropIndex
DROP INDEX "App_availability_name_idx";

-- CreateIndex
CREATE INDEX "App_ownerGroupId_name_id_idx" ON "App"("ownerGroupId", "name", "id");

-- CreateIndex
CREATE INDEX "App_organizationId_availability_status_name_id_idx" ON "App"("organizationId", "availability", "status", "name", "id");

-- CreateIndex
CREATE INDEX "App_availability_status_name_id_searchName_idx" ON "App"("availability", "status", "name", "id", "searchName");

