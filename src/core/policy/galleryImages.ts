// Gallery image ids current tools use (docs/service-facts.md "Catalog: images, regions, connections, service plans"), in the spelling the portal and Terraform use.
export const KNOWN_GALLERY_IMAGE_IDS: readonly string[] = [
  'microsoftwindowsdesktop_windows-ent-cpc_win11-25h2-ent-cpc',
  'microsoftwindowsdesktop_windows-ent-cpc_win11-25h2-ent-cpc-m365',
  'microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc',
  'microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc-m365',
  'microsoftwindowsdesktop_windows-ent-cpc_win11-23h2-ent-cpc',
  'microsoftwindowsdesktop_windows-ent-cpc_win11-23h2-ent-cpc-m365',
];
