// Where an infrastructure-as-code deployment would land. A template or a plan does not say
// which subscription, resource group or tenant it will be deployed to, yet resource ids need
// one: the collectors use these documented placeholders (as `az deployment what-if` would use
// the real target), and record them in the snapshot's source.scope so that a reader knows.
// Ids built from them are stable, so references between resources of one input still match.

export interface DeploymentTarget {
  readonly subscriptionId: string;
  readonly tenantId: string;
  // Absent for subscription, management group and tenant deployments.
  readonly resourceGroup?: string;
  readonly location: string;
}

export const PLACEHOLDER_TARGET: DeploymentTarget = {
  subscriptionId: "00000000-0000-0000-0000-000000000000",
  tenantId: "00000000-0000-0000-0000-000000000000",
  resourceGroup: "resource-group",
  location: "resource-group-location",
};

// "Microsoft.Network/virtualNetworks/subnets" + ["vnet", "default"] →
// "/subscriptions/…/resourceGroups/…/providers/Microsoft.Network/virtualNetworks/vnet/subnets/default".
export function resourceIdOf(
  scope: { readonly subscriptionId?: string; readonly resourceGroup?: string },
  type: string,
  names: readonly string[],
): string {
  let prefix = "";
  if (scope.subscriptionId !== undefined) prefix += `/subscriptions/${scope.subscriptionId}`;
  if (scope.resourceGroup !== undefined) prefix += `/resourceGroups/${scope.resourceGroup}`;
  return `${prefix}/providers/${typeAndNames(type, names)}`;
}

// An extension resource (a lock, a diagnostic setting) lives below the resource it extends.
export function extensionResourceIdOf(parentId: string, type: string, names: readonly string[]): string {
  return `${parentId}/providers/${typeAndNames(type, names)}`;
}

function typeAndNames(type: string, names: readonly string[]): string {
  const [namespace, ...types] = type.split("/");
  const segments = [namespace ?? ""];
  types.forEach((t, i) => segments.push(t, names[i] ?? ""));
  return segments.join("/");
}
