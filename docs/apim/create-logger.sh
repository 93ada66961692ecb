#!/usr/bin/env bash
# Creates what the TokenLedger APIM policy needs, with the Azure CLI (az login first; needs Contributor on the
# resource group). Idempotent: running it again updates the resources in place.
#   RG=rg-ai-gateway APIM=apim-ai-gateway EH_NAMESPACE=ehns-usage LOCATION=eastus2 docs/apim/create-logger.sh
# Teams on the AI Hub Gateway landing zone: skip the Event Hubs part (set EH_NAMESPACE/EH_HUB to the accelerator's
# namespace and hub), create only the consumer group and the listen rule, and point TokenLedger at them.
set -euo pipefail
: "${RG:?resource group}" "${APIM:?API Management service name}" "${EH_NAMESPACE:?Event Hubs namespace}"
LOCATION=${LOCATION:-eastus2}
EH_HUB=${EH_HUB:-usage}
CONSUMER_GROUP=${CONSUMER_GROUP:-tokenledger}
here=$(cd "$(dirname "$0")" && pwd)

# 1. Event Hubs: namespace, hub (partitions = the parallelism TokenLedger can use), TokenLedger's consumer group
az eventhubs namespace create -g "$RG" -n "$EH_NAMESPACE" -l "$LOCATION" --sku Standard
az eventhubs eventhub create -g "$RG" --namespace-name "$EH_NAMESPACE" -n "$EH_HUB" --partition-count 4 \
    --retention-time-in-hours 168 --cleanup-policy Delete
az eventhubs eventhub consumer-group create -g "$RG" --namespace-name "$EH_NAMESPACE" --eventhub-name "$EH_HUB" \
    -n "$CONSUMER_GROUP"

# 2. APIM sends with its managed identity (no key in the logger): Azure Event Hubs Data Sender on the hub
az apim update -g "$RG" -n "$APIM" --enable-managed-identity true >/dev/null
apim_principal=$(az apim show -g "$RG" -n "$APIM" --query identity.principalId -o tsv)
hub_id=$(az eventhubs eventhub show -g "$RG" --namespace-name "$EH_NAMESPACE" -n "$EH_HUB" --query id -o tsv)
az role assignment create --assignee-object-id "$apim_principal" --assignee-principal-type ServicePrincipal \
    --role "Azure Event Hubs Data Sender" --scope "$hub_id"

# 3. The APIM logger "tokenledger-usage" (the Azure CLI has no command for loggers: ARM through az rest)
apim_id=$(az apim show -g "$RG" -n "$APIM" --query id -o tsv)
az rest --method put --url "https://management.azure.com${apim_id}/loggers/tokenledger-usage?api-version=2022-08-01" \
    --body "{\"properties\":{\"loggerType\":\"azureEventHub\",\"description\":\"TokenLedger usage events\",
             \"credentials\":{\"name\":\"$EH_HUB\",\"endpointAddress\":\"$EH_NAMESPACE.servicebus.windows.net\",
             \"identityClientId\":\"SystemAssigned\"}}}"

# 4. The policy fragment, from tokenledger-usage.xml
fragment=$(python3 -c 'import json,sys; print(json.dumps(open(sys.argv[1]).read()))' "$here/tokenledger-usage.xml")
az rest --method put \
    --url "https://management.azure.com${apim_id}/policyFragments/tokenledger-usage?api-version=2022-08-01" \
    --body "{\"properties\":{\"format\":\"rawxml\",\"description\":\"TokenLedger usage record\",\"value\":$fragment}}"

# 5. TokenLedger reads with Azure Event Hubs Data Receiver (managed identity in Azure); for a connection string
#    instead, a listen-only rule:
az eventhubs eventhub authorization-rule create -g "$RG" --namespace-name "$EH_NAMESPACE" --eventhub-name "$EH_HUB" \
    -n tokenledger-listen --rights Listen
echo "TokenLedger settings:"
echo "  tokenledger.ingest.eventhubs.fully-qualified-namespace=$EH_NAMESPACE.servicebus.windows.net"
echo "  tokenledger.ingest.eventhubs.event-hub-name=$EH_HUB"
echo "  tokenledger.ingest.eventhubs.consumer-group=$CONSUMER_GROUP"
echo "or, with a key: tokenledger.ingest.eventhubs.connection-string=\$(az eventhubs eventhub authorization-rule keys list \\"
echo "  -g $RG --namespace-name $EH_NAMESPACE --eventhub-name $EH_HUB -n tokenledger-listen --query primaryConnectionString -o tsv)"
