// National clouds the Cloud PC APIs support: Global and US Gov L4 (L5 and China unsupported: docs/service-facts.md "National clouds").

export type GraphCloud = 'global' | 'usGovL4';

export const graphCloudBaseUrl: Readonly<Record<GraphCloud, string>> = {
  global: 'https://graph.microsoft.com',
  usGovL4: 'https://graph.microsoft.us',
};
