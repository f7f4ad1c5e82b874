<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>KeyCheck</name>
    <message>
        <location filename="../../core/secrets/keycheck.cpp" line="+13"/>
        <source>valid: the provider accepted the key</source>
        <translation>valide&#xa0;: le fournisseur a accepté la clé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>invalid: the provider refused the key (HTTP %1)</source>
        <translation>non valide&#xa0;: le fournisseur a refusé la clé (HTTP %1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>invalid: the provider refused the key</source>
        <translation>non valide&#xa0;: le fournisseur a refusé la clé</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>provider unreachable (HTTP %1)</source>
        <translation>fournisseur injoignable (HTTP %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>provider unreachable</source>
        <translation>fournisseur injoignable</translation>
    </message>
</context>
<context>
    <name>KeyInput</name>
    <message>
        <location filename="../../core/secrets/keyinput.cpp" line="+45"/>
        <source>The key is empty.</source>
        <translation>La clé est vide.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The input is too long to be an API key.</source>
        <translation>Le texte saisi est trop long pour être une clé d’API.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The key contains whitespace or a line break. Give exactly one key, on one line.</source>
        <translation>La clé contient un espace ou un saut de ligne. Saisissez une seule clé, sur une seule ligne.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key contains a character that is not printable ASCII.</source>
        <translation>La clé contient un caractère qui n’est pas de l’ASCII imprimable.</translation>
    </message>
</context>
<context>
    <name>KeyStatus</name>
    <message>
        <location filename="../../core/secrets/keyresult.cpp" line="+12"/>
        <source>stored</source>
        <translation>enregistrée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>missing</source>
        <translation>absente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>keyring locked</source>
        <translation>trousseau verrouillé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>access denied</source>
        <translation>accès refusé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no keychain service</source>
        <translation>aucun service de trousseau</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../ui/settings/providerkeyspage.cpp" line="+87"/>
        <source>keychain not responding</source>
        <translation>le trousseau ne répond pas</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>keychain error</source>
        <translation>erreur du trousseau</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The key is stored in the system keychain.</source>
        <translation>La clé est enregistrée dans le trousseau du système.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No key is stored in the system keychain.</source>
        <translation>Aucune clé n’est enregistrée dans le trousseau du système.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The keyring is locked, so the stored key cannot be used or changed. Unlock the keyring (for example in Passwords and Keys, or by logging in again) and retry.</source>
        <translation>Le trousseau est verrouillé&#xa0;: la clé enregistrée ne peut être ni utilisée ni modifiée. Déverrouillez le trousseau (par exemple dans Mots de passe et clés, ou en vous reconnectant), puis réessayez.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Access to the keychain was denied. Allow Versus to use the keychain when asked, then retry.</source>
        <translation>L’accès au trousseau a été refusé. Autorisez Versus à utiliser le trousseau lorsque cela vous est demandé, puis réessayez.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No keychain service is running. Install and start gnome-keyring or KWallet (a Secret Service provider), then retry. Until then you can set the key in the provider&apos;s environment variable.</source>
        <translation>Aucun service de trousseau n’est en cours d’exécution. Installez et lancez gnome-keyring ou KWallet (qui fournissent le service Secret Service), puis réessayez. En attendant, vous pouvez définir la clé dans la variable d’environnement du fournisseur.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The keychain service did not answer in time. It may be waiting for an unlock prompt or be stuck; answer the prompt or restart the keyring service, then retry.</source>
        <translation>Le service de trousseau n’a pas répondu à temps. Il attend peut-être une demande de déverrouillage, ou il est bloqué&#x202f;; répondez à la demande ou redémarrez le service de trousseau, puis réessayez.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+3"/>
        <source>The keychain reported an error.</source>
        <translation>Le trousseau a signalé une erreur.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>The keychain reported an error: %1</source>
        <translation>Le trousseau a signalé une erreur&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>versus::AnthropicProvider</name>
    <message>
        <location filename="../../core/providers/anthropicprovider.cpp" line="+141"/>
        <source>%1 does not take a sampling seed.</source>
        <translation>%1 n’accepte pas de graine (seed) d’échantillonnage.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 takes a temperature between 0 and 1 (it is %2).</source>
        <translation>%1 accepte une température comprise entre 0 et 1 (valeur actuelle&#xa0;: %2).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 does not take a temperature together with thinking; leave the temperature unset or the reasoning effort empty.</source>
        <translation>%1 n’accepte pas de température quand la réflexion est activée&#x202f;; ne définissez pas de température, ou laissez vide l’effort de raisonnement.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 takes a top-p between 0.95 and 1 together with thinking (it is %2).</source>
        <translation>%1 n’accepte qu’un top-p compris entre 0,95 et 1 quand la réflexion est activée (valeur actuelle&#xa0;: %2).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 cannot be made to call a tool while thinking; use the tool choice &quot;auto&quot; or &quot;none&quot;, or leave the reasoning effort empty.</source>
        <translation>%1 ne peut pas être contraint d’appeler un outil pendant la réflexion&#x202f;; réglez le choix de l’outil sur &quot;auto&quot; ou &quot;none&quot;, ou laissez vide l’effort de raisonnement.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Max tokens (%1) must be above the thinking budget of the reasoning effort &quot;%2&quot; (%3 tokens).</source>
        <translation>Les jetons max. (%1) doivent dépasser le budget de réflexion de l’effort de raisonnement «&#xa0;%2&#xa0;» (%3 jetons).</translation>
    </message>
    <message>
        <location filename="../../core/providers/anthropicstreamdecoder.cpp" line="+29"/>
        <source>Anthropic reported an error in the middle of the answer.</source>
        <translation>Anthropic a signalé une erreur en cours de réponse.</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>Anthropic sent a malformed event (%1 at byte %2).</source>
        <translation>Anthropic a envoyé un événement mal formé (%1 à l’octet %2).</translation>
    </message>
    <message>
        <location line="+159"/>
        <source>Anthropic answered with something that is neither a stream nor JSON.</source>
        <translation>Anthropic a répondu par un contenu qui n’est ni un flux ni du JSON.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Anthropic answered with JSON that holds no answer.</source>
        <translation>Anthropic a répondu par du JSON qui ne contient aucune réponse.</translation>
    </message>
</context>
<context>
    <name>versus::Capability</name>
    <message>
        <location filename="../../core/providers/providerinfo.cpp" line="+31"/>
        <source>streaming</source>
        <translation>réponse en continu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>function calls (tools)</source>
        <translation>appels de fonctions (outils)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reasoning</source>
        <translation>raisonnement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>built-in tools (code execution, search)</source>
        <translation>outils intégrés (exécution de code, recherche)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>structured output (response schema)</source>
        <translation>sortie structurée (schéma de réponse)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>images in prompts (vision)</source>
        <translation>images dans les prompts (vision)</translation>
    </message>
</context>
<context>
    <name>versus::ChatStream</name>
    <message>
        <location filename="../../core/providers/chatstream.cpp" line="+70"/>
        <source>No API key for %1. Set %2 or store one with &quot;versus-cli keys set %3&quot; (or in Settings → Providers &amp; Keys).</source>
        <translation>Aucune clé d’API pour %1. Définissez %2 ou enregistrez-en une avec «&#xa0;versus-cli keys set %3&#xa0;» (ou dans Paramètres → Fournisseurs et clés).</translation>
    </message>
    <message>
        <location line="+62"/>
        <location line="+145"/>
        <source>Stopped by you.</source>
        <translation>Arrêté à votre demande.</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>One event of the stream is larger than %1 MiB; the answer was stopped.</source>
        <translation>Un événement du flux dépasse %1 Mio&#x202f;; la réponse a été arrêtée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The answer is larger than %1 MiB; it was stopped.</source>
        <translation>La réponse dépasse %1 Mio&#x202f;; elle a été arrêtée.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>%1 did not start answering within %2 s.</source>
        <translation>%1 n’a pas commencé à répondre en moins de %2 s.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 stopped sending for %2 s; the partial answer is kept.</source>
        <translation>%1 n’a plus rien envoyé pendant %2 s&#x202f;; la réponse partielle est conservée.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 closed the connection in the middle of the answer; the partial answer is kept.</source>
        <translation>%1 a fermé la connexion au milieu de la réponse&#x202f;; la réponse partielle est conservée.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 answered with &quot;%2&quot; content instead of a stream; a proxy or login page may be in the way. Check the base URL.</source>
        <translation>%1 a répondu avec un contenu «&#xa0;%2&#xa0;» au lieu d’un flux&#x202f;; un proxy ou une page de connexion fait peut-être obstacle. Vérifiez l’URL de base.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The answer was cut off: the stream ended without its end marker. The partial answer is kept.</source>
        <translation>La réponse a été tronquée&#xa0;: le flux s’est terminé sans son marqueur de fin. La réponse partielle est conservée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The stream ended before anything was generated.</source>
        <translation>Le flux s’est terminé sans que rien n’ait été généré.</translation>
    </message>
</context>
<context>
    <name>versus::Comparison</name>
    <message>
        <location filename="../../core/compare/comparison.cpp" line="+379"/>
        <source>No history is open.</source>
        <translation>Aucun historique n’est ouvert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop the running answers first.</source>
        <translation>Arrêtez d’abord les réponses en cours.</translation>
    </message>
    <message>
        <location filename="../../core/compare/comparisonpresend.cpp" line="+59"/>
        <source>%1 cannot see images, so this lane was not sent the prompt.</source>
        <translation>%1 ne prend pas en charge les images&#xa0;: le prompt n’a donc pas été envoyé à cette colonne.</translation>
    </message>
    <message>
        <location filename="../../core/compare/comparisonturns.cpp" line="+165"/>
        <source>%1 (edit)</source>
        <translation>%1 (modifiée)</translation>
    </message>
    <message>
        <location filename="../../core/compare/comparisonverdicts.cpp" line="+153"/>
        <source>Lane %1</source>
        <translation>Colonne %1</translation>
    </message>
</context>
<context>
    <name>versus::CostTotals</name>
    <message>
        <location filename="../../core/pricing/costtotals.cpp" line="+59"/>
        <source>no price</source>
        <translation>sans tarif</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>≥ %1, 1 answer without price</source>
        <translation>≥ %1, 1 réponse sans tarif</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>≥ %1, %2 answers without price</source>
        <translation>≥ %1, %2 réponses sans tarif</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>≈ %1</source>
        <translation>≈ %1</translation>
    </message>
</context>
<context>
    <name>versus::CustomEndpoints</name>
    <message>
        <location filename="../../core/providers/customendpoints.cpp" line="+50"/>
        <source>Give the endpoint a name.</source>
        <translation>Donnez un nom au point d’accès.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The id must start with a lower-case letter or digit and use only a-z, 0-9, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>L’identifiant doit commencer par une lettre minuscule ou un chiffre et ne contenir que a-z, 0-9, &apos;.&apos;, &apos;_&apos; et &apos;-&apos;.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is a built-in provider; choose another id.</source>
        <translation>&quot;%1&quot; est un fournisseur intégré&#x202f;; choisissez un autre identifiant.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Another endpoint already has the id &quot;%1&quot;.</source>
        <translation>Un autre point d’accès utilise déjà l’identifiant &quot;%1&quot;.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The base URL must be an http:// or https:// URL, e.g. https://api.example.com/v1.</source>
        <translation>L’URL de base doit être une URL http:// ou https://, par exemple https://api.example.com/v1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The base URL must not hold a user name, password or query: keys belong in the keychain.</source>
        <translation>L’URL de base ne doit contenir ni nom d’utilisateur, ni mot de passe, ni paramètres de requête&#xa0;: les clés ont leur place dans le trousseau.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A model id is empty.</source>
        <translation>Un identifiant de modèle est vide.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 cannot be read: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is not valid JSON (%2); fix it or move it aside first.</source>
        <translation>%1 n’est pas un JSON valide (%2)&#x202f;; corrigez-le ou déplacez-le d’abord.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: &quot;providers&quot; must be a list; fix it or move it aside first.</source>
        <translation>%1&#xa0;: &quot;providers&quot; doit être une liste&#x202f;; corrigez le fichier ou déplacez-le d’abord.</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>The folder of %1 cannot be created.</source>
        <translation>Impossible de créer le dossier de %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 cannot be written: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>versus::ErrorAdvice</name>
    <message>
        <location filename="../../app/wording/erroradvice.cpp" line="+16"/>
        <source>Authentication failed</source>
        <translation>Échec de l’authentification</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rate limited</source>
        <translation>Limite de débit atteinte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not found</source>
        <translation>Introuvable</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request rejected</source>
        <translation>Requête refusée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Out of credit</source>
        <translation>Crédit épuisé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provider error</source>
        <translation>Erreur du fournisseur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection failed</source>
        <translation>Échec de la connexion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timed out</source>
        <translation>Délai dépassé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Secure connection failed</source>
        <translation>Échec de la connexion sécurisée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Broken answer</source>
        <translation>Flux de réponse rompu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot send</source>
        <translation>Envoi impossible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Check the key for %1.</source>
        <translation>Vérifiez la clé de %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the key for %1: store a new one in Settings → Providers &amp; Keys, or set %2.</source>
        <translation>Vérifiez la clé de %1&#xa0;: enregistrez-en une nouvelle dans Paramètres → Fournisseurs et clés, ou définissez %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check the key for %1: store a new one with &quot;versus-cli keys set %2&quot; or set %3.</source>
        <translation>Vérifiez la clé de %1&#xa0;: enregistrez-en une nouvelle avec «&#xa0;versus-cli keys set %2&#xa0;» ou définissez %3.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Wait %1 s and try again, or use another model or tier.</source>
        <translation>Attendez %1 s et réessayez, ou utilisez un autre modèle ou niveau de service.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wait a moment and try again, or use another model or tier.</source>
        <translation>Patientez un instant et réessayez, ou utilisez un autre modèle ou niveau de service.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check the model id; the model box lists what %1 offers.</source>
        <translation>Vérifiez l’identifiant du modèle&#x202f;; la liste des modèles indique ce que propose %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the model id; &quot;versus-cli models %1&quot; lists what %2 offers now.</source>
        <translation>Vérifiez l’identifiant du modèle&#x202f;; «&#xa0;versus-cli models %1&#xa0;» liste ce que %2 propose actuellement.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add credit or raise the spending limit in your %1 account.</source>
        <translation>Ajoutez du crédit ou relevez la limite de dépenses de votre compte %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The problem is on %1&apos;s side; try again later or use another provider.</source>
        <translation>Le problème se situe chez %1&#x202f;; réessayez plus tard ou utilisez un autre fournisseur.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Try again; a busy provider may answer later.</source>
        <translation>Réessayez&#x202f;; un fournisseur surchargé pourra répondre plus tard.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try again, or allow more time with --timeout.</source>
        <translation>Réessayez, ou accordez plus de temps avec --timeout.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The partial answer is kept; try again.</source>
        <translation>La réponse partielle est conservée&#x202f;; réessayez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the parameters (max tokens, tools, schema) against what this model accepts.</source>
        <translation>Vérifiez que ce modèle accepte les paramètres (jetons max., outils, schéma).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check your connection, proxy and the provider&apos;s address, then try again.</source>
        <translation>Vérifiez votre connexion, le proxy et l’adresse du fournisseur, puis réessayez.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check your connection, proxy and the provider&apos;s address (--base-url), then try again.</source>
        <translation>Vérifiez votre connexion, le proxy et l’adresse du fournisseur (--base-url), puis réessayez.</translation>
    </message>
</context>
<context>
    <name>versus::FixedPoint</name>
    <message>
        <location filename="../../core/pricing/fixedpoint.cpp" line="+17"/>
        <source>&quot;%1&quot; is not a decimal number</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nombre décimal</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>&quot;%1&quot; has more than %2 decimal places</source>
        <translation>«&#xa0;%1&#xa0;» a plus de %2 décimales</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; is too large</source>
        <translation>«&#xa0;%1&#xa0;» est trop grand</translation>
    </message>
</context>
<context>
    <name>versus::GeminiProvider</name>
    <message>
        <location filename="../../core/providers/geminiprovider.cpp" line="+317"/>
        <source>The model list is not valid JSON: %1.</source>
        <translation>La liste des modèles n’est pas du JSON valide&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The answer does not look like a model list.</source>
        <translation>La réponse ne ressemble pas à une liste de modèles.</translation>
    </message>
    <message>
        <location filename="../../core/providers/geministreamdecoder.cpp" line="+163"/>
        <source>Gemini reported an error without saying why.</source>
        <translation>Gemini a signalé une erreur sans en donner la raison.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gemini reported %1.</source>
        <translation>Gemini a signalé l’état %1.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Gemini sent a malformed event (%1 at byte %2).</source>
        <translation>Gemini a envoyé un événement mal formé (%1 à l’octet %2).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Gemini answered with something that is neither a stream nor JSON.</source>
        <translation>Gemini a répondu par un contenu qui n’est ni un flux ni du JSON.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+5"/>
        <source>Gemini answered with JSON that holds no answer.</source>
        <translation>Gemini a répondu par du JSON qui ne contient aucune réponse.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Gemini blocked the prompt: %1.</source>
        <translation>Gemini a bloqué le prompt&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Gemini stopped the answer: %1.</source>
        <translation>Gemini a interrompu la réponse&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gemini stopped the answer: %1 (the model did not produce a valid function call).</source>
        <translation>Gemini a interrompu la réponse&#xa0;: %1 (le modèle n’a pas produit d’appel de fonction valide).</translation>
    </message>
</context>
<context>
    <name>versus::ImageFiles</name>
    <message>
        <location filename="../../core/chat/imagefiles.cpp" line="+14"/>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The image</source>
        <translation>L’image</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is empty.</source>
        <translation>%1 est vide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is %2; images up to %3 can be attached.</source>
        <translation>%1 pèse %2&#x202f;; une image jointe ne peut pas dépasser %3.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not a PNG, JPEG, WebP or GIF image.</source>
        <translation>%1 n’est pas une image PNG, JPEG, WebP ou GIF.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>There is no image %1.</source>
        <translation>L’image %1 n’existe pas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not a file.</source>
        <translation>%1 n’est pas un fichier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+8"/>
        <source>Cannot read the image %1: %2</source>
        <translation>Impossible de lire l’image %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>“%1” is %2; images up to %3 can be attached.</source>
        <translation>«&#xa0;%1&#xa0;» pèse %2&#x202f;; une image jointe ne peut pas dépasser %3.</translation>
    </message>
</context>
<context>
    <name>versus::ImageLimits</name>
    <message>
        <location filename="../../core/providers/imagelimits.cpp" line="+19"/>
        <source>Image %1</source>
        <translation>Image %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 KB</source>
        <translation>%1 Ko</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 takes at most %2 images per request; this one has %3.</source>
        <translation>%1 accepte au plus %2 images par requête&#x202f;; celle-ci en contient %3.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is %2; %3 takes only %4.</source>
        <translation>%1 est au format %2&#x202f;; %3 n’accepte que %4.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is %2 as base64; %3 takes images up to %4.</source>
        <translation>%1 pèse %2 en base64&#x202f;; %3 accepte des images jusqu’à %4.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is %2; %3 takes images up to %4.</source>
        <translation>%1 pèse %2&#x202f;; %3 accepte des images jusqu’à %4.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The images of this request are %1 as base64; %2 takes up to %3 in one request.</source>
        <translation>Les images de cette requête pèsent %1 en base64&#x202f;; %2 accepte jusqu’à %3 par requête.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The images of this request are %1 together; %2 takes up to %3 in one request.</source>
        <translation>Les images de cette requête pèsent %1 au total&#x202f;; %2 accepte jusqu’à %3 par requête.</translation>
    </message>
</context>
<context>
    <name>versus::JudgeRun</name>
    <message>
        <location filename="../../core/compare/judgerun.cpp" line="+57"/>
        <source>The judge&apos;s answer was cut short before it gave its scores.</source>
        <translation>La réponse du juge a été interrompue avant qu’il ne donne ses notes.</translation>
    </message>
</context>
<context>
    <name>versus::KeyResolver</name>
    <message>
        <location filename="../../core/secrets/keyresolver.cpp" line="+30"/>
        <source>The environment variable %1 is set but does not hold a valid key: %2</source>
        <translation>La variable d’environnement %1 est définie mais ne contient pas de clé valide&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>versus::KeychainStore</name>
    <message>
        <location filename="../../core/secrets/keychainstore.cpp" line="+91"/>
        <source>An empty key cannot be stored.</source>
        <translation>Une clé vide ne peut pas être enregistrée.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No provider id was given.</source>
        <translation>Aucun identifiant de fournisseur n’a été indiqué.</translation>
    </message>
    <message>
        <location line="+217"/>
        <source>The keychain did not answer in time.</source>
        <translation>Le trousseau n’a pas répondu à temps.</translation>
    </message>
</context>
<context>
    <name>versus::LaneRun</name>
    <message>
        <location filename="../../core/compare/lanerun.cpp" line="+55"/>
        <source>The provider &quot;%1&quot; is not in the catalog.</source>
        <translation>Le fournisseur «&#xa0;%1&#xa0;» ne figure pas dans le catalogue.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No model is chosen for %1.</source>
        <translation>Aucun modèle n’est choisi pour %1.</translation>
    </message>
    <message>
        <location line="+74"/>
        <location line="+20"/>
        <source>Stopped by you.</source>
        <translation>Arrêté à votre demande.</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>No MCP server is connected for %1.</source>
        <translation>Aucun serveur MCP n’est connecté pour %1.</translation>
    </message>
</context>
<context>
    <name>versus::MemoryKeyStore</name>
    <message>
        <location filename="../../core/secrets/memorykeystore.cpp" line="+57"/>
        <source>A provider id and a non-empty key are required.</source>
        <translation>Un identifiant de fournisseur et une clé non vide sont requis.</translation>
    </message>
</context>
<context>
    <name>versus::Metrics</name>
    <message>
        <location filename="../../core/metrics/metricdocs.cpp" line="+24"/>
        <source>Time to first token</source>
        <translation>Délai du premier jeton</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From sending the request (t0) to the first network read that carried a generated token: answer text, reasoning or a tool-call fragment.</source>
        <translation>De l’envoi de la requête (t0) à la première lecture réseau contenant un jeton généré&#xa0;: texte de réponse, raisonnement ou fragment d’appel d’outil.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Time to first answer token</source>
        <translation>Délai du premier jeton de réponse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From sending the request to the first network read that carried answer text. Includes the model&apos;s thinking time.</source>
        <translation>De l’envoi de la requête à la première lecture réseau contenant du texte de réponse. Inclut le temps de réflexion du modèle.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>End-to-end time</source>
        <translation>Durée de bout en bout</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From sending the request to the last network read that carried a generated token. A trailing chunk that only carries usage does not count.</source>
        <translation>De l’envoi de la requête à la dernière lecture réseau contenant un jeton généré. Un dernier fragment qui ne contient que le décompte de jetons (usage) n’est pas pris en compte.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Output speed</source>
        <translation>Vitesse de sortie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decode speed after the first token. N is the completion token count from the provider&apos;s usage, reasoning tokens included. Without usage N is estimated and the speed is marked estimated.</source>
        <translation>Vitesse de décodage après le premier jeton. N est le nombre de jetons de sortie indiqué par le fournisseur dans son décompte (usage), jetons de raisonnement compris. Sans décompte, N est estimé et la vitesse est marquée comme estimée.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Inter-chunk latency, median</source>
        <translation>Latence entre fragments, médiane</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Median gap between consecutive network reads that carried tokens (one read may carry several tokens). Percentile by linear interpolation between closest ranks.</source>
        <translation>Écart médian entre des lectures réseau consécutives contenant des jetons (une lecture peut contenir plusieurs jetons). Centile calculé par interpolation linéaire entre les rangs les plus proches.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Inter-chunk latency, 95th percentile</source>
        <translation>Latence entre fragments, 95e centile</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>95th percentile of the gaps between consecutive network reads that carried tokens. Percentile by linear interpolation between closest ranks.</source>
        <translation>95e centile des écarts entre des lectures réseau consécutives contenant des jetons. Centile calculé par interpolation linéaire entre les rangs les plus proches.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chunks</source>
        <translation>Fragments</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number of network reads that carried generated tokens. One chunk is not one token: servers bundle tokens.</source>
        <translation>Nombre de lectures réseau contenant des jetons générés. Un fragment n’est pas un jeton&#xa0;: les serveurs regroupent les jetons.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Thinking time</source>
        <translation>Temps de réflexion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From the first read carrying reasoning to the first read carrying answer text or a tool call (to the last read carrying reasoning when nothing followed).</source>
        <translation>De la première lecture contenant du raisonnement à la première lecture contenant du texte de réponse ou un appel d’outil (ou à la dernière lecture contenant du raisonnement si rien n’a suivi).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Live speed</source>
        <translation>Vitesse en direct</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Speed while the answer streams, over the last W = 2 s: estimated tokens of the reads after t_a. Replaced by the output speed when the stream ends.</source>
        <translation>Vitesse pendant que la réponse arrive, sur les dernières W = 2 s&#xa0;: jetons estimés des lectures postérieures à t_a. Remplacée par la vitesse de sortie à la fin du flux.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Estimated tokens</source>
        <translation>Jetons estimés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Used only when the provider reports no usage. L: Latin-script characters, O: other scripts and symbols, C: CJK characters; k: correction learnt for this provider and model from responses that reported usage (1 until then).</source>
        <translation>Utilisé seulement quand le fournisseur ne communique aucun décompte de jetons (usage). L&#xa0;: caractères d’écriture latine, O&#xa0;: autres écritures et symboles, C&#xa0;: caractères CJK&#x202f;; k&#xa0;: correction apprise pour ce fournisseur et ce modèle à partir des réponses qui indiquaient leur décompte (1 jusque-là).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Server queue time</source>
        <translation>Temps d’attente sur le serveur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time the request waited in the provider&apos;s queue, as the provider reported it (Groq x_groq.usage.queue_time, in seconds).</source>
        <translation>Temps passé par la requête dans la file d’attente du fournisseur, tel que celui-ci l’indique (Groq x_groq.usage.queue_time, en secondes).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Server prompt time</source>
        <translation>Temps de lecture du prompt sur le serveur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time the provider spent reading the prompt, as it reported it (Groq prompt_time in seconds; llama.cpp timings.prompt_ms).</source>
        <translation>Temps passé par le fournisseur à lire le prompt, tel qu’il l’indique (Groq prompt_time en secondes&#x202f;; llama.cpp timings.prompt_ms).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Server generation time</source>
        <translation>Temps de génération sur le serveur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time the provider spent generating, as it reported it (Groq completion_time in seconds; llama.cpp timings.predicted_ms).</source>
        <translation>Temps passé par le fournisseur à générer, tel qu’il l’indique (Groq completion_time en secondes&#x202f;; llama.cpp timings.predicted_ms).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Server output speed</source>
        <translation>Vitesse de sortie du serveur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The provider&apos;s own decode speed: as reported (llama.cpp predicted_per_second), or computed from reported figures only: reported completion tokens over reported generation time.</source>
        <translation>La vitesse de décodage propre au fournisseur&#xa0;: telle qu’il l’indique (llama.cpp predicted_per_second), ou calculée uniquement à partir des valeurs qu’il indique&#xa0;: jetons de sortie indiqués divisés par le temps de génération indiqué.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Network and gateway</source>
        <translation>Réseau et passerelles</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The part of the time to first token spent outside the model: network, TLS, gateways and proxies. Only when the provider reports queue and prompt time.</source>
        <translation>La part du délai du premier jeton passée hors du modèle&#xa0;: réseau, TLS, passerelles et proxys. Seulement quand le fournisseur indique le temps d’attente et le temps de lecture du prompt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cost reported by the provider</source>
        <translation>Coût indiqué par le fournisseur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cost as the provider reported it (OpenRouter usage.cost), shown beside the cost Versus computes from its price catalog, never instead of it.</source>
        <translation>Le coût tel que le fournisseur l’indique (OpenRouter usage.cost), affiché à côté du coût que Versus calcule à partir de son catalogue de tarifs, jamais à sa place.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>measured</source>
        <translation>mesure</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reported by the provider</source>
        <translation>valeur indiquée par le fournisseur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>measured, minus provider-reported figures</source>
        <translation>mesure, moins les valeurs indiquées par le fournisseur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>estimated</source>
        <translation>estimation</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1
%2
%3
Source: %4</source>
        <extracomment>Metric tooltip: %1 name, %2 formula, %3 the formula in words, %4 origin (&quot;measured&quot;)</extracomment>
        <translation>%1
%2
%3
Source&#xa0;: %4</translation>
    </message>
</context>
<context>
    <name>versus::ModelListCache</name>
    <message>
        <location filename="../../core/providers/modellistcache.cpp" line="+148"/>
        <source>%1 cannot be read: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is damaged (%2); fetch the list again.</source>
        <translation>%1 est endommagé (%2)&#x202f;; récupérez de nouveau la liste.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not a JSON object</source>
        <translation>ce n’est pas un objet JSON</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 was written by another version of Versus; fetch the list again.</source>
        <translation>%1 a été écrit par une autre version de Versus&#x202f;; récupérez de nouveau la liste.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is damaged (no provider, time or models); fetch the list again.</source>
        <translation>%1 est endommagé (fournisseur, date ou modèles manquants)&#x202f;; récupérez de nouveau la liste.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cannot create the folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+4"/>
        <source>%1 cannot be written: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>versus::ModelListJob</name>
    <message>
        <location filename="../../core/providers/modellistjob.cpp" line="+52"/>
        <source>%1 has no model list to fetch; use a model id you know.</source>
        <translation>%1 n’a pas de liste de modèles à récupérer&#x202f;; utilisez un identifiant de modèle que vous connaissez.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No API key for %1. Set %2 or store one with &quot;versus-cli keys set %3&quot; (or in Settings → Providers &amp; Keys).</source>
        <translation>Aucune clé d’API pour %1. Définissez %2 ou enregistrez-en une avec «&#xa0;versus-cli keys set %3&#xa0;» (ou dans Paramètres → Fournisseurs et clés).</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+30"/>
        <source>Stopped by you.</source>
        <translation>Arrêté à votre demande.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 did not send its model list within %2 s.</source>
        <translation>%1 n’a pas envoyé sa liste de modèles en moins de %2 s.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The model list of %1 is larger than %2 MiB.</source>
        <translation>La liste de modèles de %1 dépasse %2 Mio.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 sent no answer.</source>
        <translation>%1 n’a envoyé aucune réponse.</translation>
    </message>
</context>
<context>
    <name>versus::ModelSetFile</name>
    <message>
        <location filename="../../core/compare/modelsets.cpp" line="+64"/>
        <source>a set has no &quot;name&quot;</source>
        <translation>un jeu n’a pas de &quot;name&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>set &quot;%1&quot;: &quot;lanes&quot; must be an array of 1 to %2 lanes</source>
        <translation>jeu «&#xa0;%1&#xa0;»&#xa0;: &quot;lanes&quot; doit être un tableau de 1 à %2 colonnes</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>set &quot;%1&quot;, lane %2: &quot;target&quot; must be &quot;provider:model&quot;</source>
        <translation>jeu «&#xa0;%1&#xa0;», colonne %2&#xa0;: &quot;target&quot; doit donner le fournisseur et le modèle, séparés par «&#xa0;:&#xa0;»</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>set &quot;%1&quot;, lane %2: &quot;parameters&quot; must be an object and &quot;tools&quot; an array</source>
        <translation>jeu «&#xa0;%1&#xa0;», colonne %2&#xa0;: &quot;parameters&quot; doit être un objet et &quot;tools&quot; un tableau</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 cannot be read: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not valid JSON (at byte %2: %3)</source>
        <translation>%1 n’est pas un JSON valide (à l’octet %2&#xa0;: %3)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 has no &quot;sets&quot; array</source>
        <translation>%1 n’a pas de tableau &quot;sets&quot;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: two sets are named &quot;%2&quot;</source>
        <translation>%1&#xa0;: deux jeux s’appellent «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>A model set needs a name and 1 to %1 lanes.</source>
        <translation>Un jeu de modèles doit avoir un nom et de 1 à %1 colonnes.</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+16"/>
        <source>There is no model set named &quot;%1&quot;.</source>
        <translation>Aucun jeu de modèles ne s’appelle «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>A model set needs a name.</source>
        <translation>Un jeu de modèles doit avoir un nom.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Another model set is named &quot;%1&quot;.</source>
        <translation>Un autre jeu de modèles s’appelle déjà «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The folder of %1 cannot be created.</source>
        <translation>Impossible de créer le dossier de %1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 cannot be written: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>versus::OpenAiProvider</name>
    <message>
        <location filename="../../core/providers/openaistreamdecoder.cpp" line="+189"/>
        <source>The provider reported an error in the middle of the answer.</source>
        <translation>Le fournisseur a signalé une erreur en cours de réponse.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The provider sent data after the end of the answer.</source>
        <translation>Le fournisseur a envoyé des données après la fin de la réponse.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The provider sent a malformed chunk (%1 at byte %2).</source>
        <translation>Le fournisseur a envoyé un fragment mal formé (%1 à l’octet %2).</translation>
    </message>
    <message>
        <location line="+137"/>
        <source>The provider answered with something that is neither a stream nor JSON.</source>
        <translation>Le fournisseur a répondu par un contenu qui n’est ni un flux ni du JSON.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The provider answered with JSON that holds no answer.</source>
        <translation>Le fournisseur a répondu par du JSON qui ne contient aucune réponse.</translation>
    </message>
</context>
<context>
    <name>versus::OpenRouterPrices</name>
    <message>
        <location filename="../../core/pricing/openrouterprices.cpp" line="+25"/>
        <source>no &quot;%1&quot; price</source>
        <translation>aucun tarif &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>variable price</source>
        <translation>tarif variable</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the model list has no &quot;data&quot; array</source>
        <translation>la liste des modèles n’a pas de tableau &quot;data&quot;</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>per-request fee</source>
        <translation>frais par requête</translation>
    </message>
</context>
<context>
    <name>versus::PriceCatalog</name>
    <message>
        <location filename="../../core/pricing/pricecatalog.cpp" line="+52"/>
        <source>&quot;%1&quot; is missing</source>
        <translation>&quot;%1&quot; est manquant</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; must be a number of USD per million tokens</source>
        <translation>&quot;%1&quot; doit être un nombre de dollars US par million de jetons</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot;: %2</source>
        <translation>&quot;%1&quot;&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is negative (%2)</source>
        <translation>&quot;%1&quot; est négatif (%2)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>window &quot;%1&quot; is not &quot;HH:MM-HH:MM&quot; (UTC, start before end, end at most 24:00)</source>
        <translation>la plage &quot;%1&quot; doit s’écrire comme &quot;09:00-17:30&quot; (heures UTC, début avant la fin, fin au plus tard à 24:00)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>tier %1</source>
        <translation>palier %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not an object</source>
        <translation>%1 n’est pas un objet</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: unknown member &quot;%2&quot;</source>
        <translation>%1&#xa0;: membre inconnu &quot;%2&quot;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: &quot;name&quot; is missing</source>
        <translation>%1&#xa0;: &quot;name&quot; est manquant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tier &quot;%1&quot;</source>
        <translation>palier &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: &quot;days&quot; must list weekdays (&quot;mon&quot; … &quot;sun&quot;)</source>
        <translation>%1&#xa0;: &quot;days&quot; doit lister des jours de la semaine (&quot;mon&quot; … &quot;sun&quot;)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: &quot;%2&quot; is not a weekday (&quot;mon&quot; … &quot;sun&quot;)</source>
        <translation>%1&#xa0;: &quot;%2&quot; n’est pas un jour de la semaine (&quot;mon&quot; … &quot;sun&quot;)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: &quot;%2&quot; is listed twice</source>
        <translation>%1&#xa0;: &quot;%2&quot; apparaît deux fois</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: &quot;windows&quot; must be a list of &quot;HH:MM-HH:MM&quot;</source>
        <translation>%1&#xa0;: &quot;windows&quot; doit être une liste de plages horaires comme &quot;09:00-17:30&quot;</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+6"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>unknown member &quot;%1&quot;</source>
        <translation>membre inconnu &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;provider&quot; is missing</source>
        <translation>&quot;provider&quot; est manquant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;model&quot; is missing (use &quot;*&quot; for every model of the provider)</source>
        <translation>&quot;model&quot; est manquant (utilisez &quot;*&quot; pour tous les modèles du fournisseur)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;tiers&quot; must be a list</source>
        <translation>&quot;tiers&quot; doit être une liste</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;base_tier&quot; must be a name</source>
        <translation>&quot;base_tier&quot; doit être un nom</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;source&quot; must be a URL or a short text</source>
        <translation>&quot;source&quot; doit être une URL ou un texte court</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;note&quot; must be a text</source>
        <translation>&quot;note&quot; doit être un texte</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;as_of&quot; must be a date written YYYY-MM-DD</source>
        <translation>&quot;as_of&quot; doit être une date au format AAAA-MM-JJ</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>entry %1</source>
        <translation>entrée %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>entry %1 (%2 %3)</source>
        <translation>entrée %1 (%2 %3)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>the file must hold an object {&quot;schema&quot;: 1, &quot;prices&quot;: [...]}</source>
        <translation>le fichier doit contenir un objet JSON où &quot;schema&quot; vaut 1 et &quot;prices&quot; est une liste</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>schema %1 is not supported (this version of Versus reads schema %2)</source>
        <translation>le schéma %1 n’est pas pris en charge (cette version de Versus lit le schéma %2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;prices&quot; must be a list of entries</source>
        <translation>&quot;prices&quot; doit être une liste d’entrées</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the entry is not an object</source>
        <translation>l’entrée n’est pas un objet</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>duplicate of entry %1; this later entry is the one used</source>
        <translation>doublon de l’entrée %1&#x202f;; c’est cette entrée, plus loin dans le fichier, qui est utilisée</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>the bundled price catalog is missing</source>
        <translation>le catalogue de tarifs intégré est introuvable</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>cannot read the file: %1</source>
        <translation>impossible de lire le fichier&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>versus::PriceOverrides</name>
    <message>
        <location filename="../../core/pricing/priceoverrides.cpp" line="+27"/>
        <source>%1 cannot be read: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not a price file Versus can read; fix it or move it aside first.</source>
        <translation>%1 n’est pas un fichier de tarifs lisible par Versus&#x202f;; corrigez-le ou mettez-le de côté d’abord.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: &quot;prices&quot; must be a list; fix it or move it aside first.</source>
        <translation>%1&#xa0;: &quot;prices&quot; doit être une liste&#x202f;; corrigez le fichier ou mettez-le de côté d’abord.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The folder of %1 cannot be created.</source>
        <translation>Impossible de créer le dossier de %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 cannot be written: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>versus::Provider</name>
    <message>
        <location filename="../../core/providers/provider.cpp" line="+212"/>
        <source>No model is chosen.</source>
        <translation>Aucun modèle n’a été choisi.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 does not support %2.</source>
        <translation>%1 ne prend pas en charge %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 on %2 does not support %3.</source>
        <translation>%1 sur %2 ne prend pas en charge %3.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Temperature must be between 0 and 2 (it is %1).</source>
        <translation>La température doit être comprise entre 0 et 2 (elle vaut %1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Top-p must be greater than 0 and at most 1 (it is %1).</source>
        <translation>Le top-p doit être supérieur à 0 et au plus égal à 1 (il vaut %1).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Max tokens must be at least 1 (it is %1).</source>
        <translation>Le nombre de jetons max. doit être d’au moins 1 (il vaut %1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Max tokens is %1, but %2 writes at most %3 tokens.</source>
        <translation>Le nombre de jetons max. est de %1, mais %2 en génère au plus %3.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 does not know the reasoning effort &quot;%2&quot;; use one of: %3.</source>
        <translation>%1 ne connaît pas l’effort de raisonnement «&#xa0;%2&#xa0;»&#x202f;; utilisez l’une de ces valeurs&#xa0;: %3.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 has no service tiers.</source>
        <translation>%1 n’a pas de niveaux de service.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 does not know the service tier &quot;%2&quot;; use one of: %3.</source>
        <translation>%1 ne connaît pas le niveau de service «&#xa0;%2&#xa0;»&#x202f;; utilisez l’une de ces valeurs&#xa0;: %3.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Every tool needs a function name.</source>
        <translation>Chaque outil doit avoir un nom de fonction.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no message to send.</source>
        <translation>Il n’y a aucun message à envoyer.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 on %2 has no built-in tools to switch on (asked for: %3).</source>
        <translation>%1 sur %2 n’a pas d’outils intégrés à activer (demandés&#xa0;: %3).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 on %2 does not know the built-in tool &quot;%3&quot;; use one of: %4.</source>
        <translation>%1 sur %2 ne connaît pas l’outil intégré «&#xa0;%3&#xa0;»&#x202f;; utilisez l’un de ceux-ci&#xa0;: %4.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>HTTP status %1 with no explanation from %2.</source>
        <translation>Code HTTP %1, sans explication de la part de %2.</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>The model list is not valid JSON: %1.</source>
        <translation>La liste des modèles n’est pas du JSON valide&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The answer does not look like a model list.</source>
        <translation>La réponse ne ressemble pas à une liste de modèles.</translation>
    </message>
</context>
<context>
    <name>versus::ProviderRegistry</name>
    <message>
        <location filename="../../core/providers/providerregistry.cpp" line="+67"/>
        <source>&quot;images&quot; of %1 must be an object.</source>
        <translation>Pour %1, &quot;images&quot; doit être un objet.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;images.%1&quot; of %2 must be a whole number above 0.</source>
        <translation>Pour %2, &quot;images.%1&quot; doit être un nombre entier supérieur à 0.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&quot;images.types&quot; of %1 must be a list of media types.</source>
        <translation>Pour %1, &quot;images.types&quot; doit être une liste de types de médias.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>&quot;id&quot; is missing.</source>
        <translation>&quot;id&quot; est absent.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;id&quot; must use only lower-case letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>&quot;id&quot; ne doit contenir que des lettres minuscules, des chiffres, &apos;.&apos;, &apos;_&apos; et &apos;-&apos;.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unknown dialect &quot;%1&quot; (use &quot;openai&quot; for OpenAI-compatible services).</source>
        <translation>dialecte &quot;%1&quot; inconnu (utilisez &quot;openai&quot; pour les services compatibles OpenAI).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;base_url&quot; must be an http:// or https:// URL, e.g. https://api.example.com/v1.</source>
        <translation>&quot;base_url&quot; doit être une URL http:// ou https://, par exemple https://api.example.com/v1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;base_url&quot; must not contain a user name, password or query: keys belong in the keychain, not in URLs.</source>
        <translation>&quot;base_url&quot; ne doit contenir ni nom d’utilisateur, ni mot de passe, ni paramètres de requête&#xa0;: les clés vont dans le trousseau, pas dans les URL.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&quot;auth&quot; must be &quot;bearer&quot;, &quot;x-api-key&quot;, &quot;x-goog-api-key&quot; or &quot;none&quot;.</source>
        <translation>&quot;auth&quot; doit valoir &quot;bearer&quot;, &quot;x-api-key&quot;, &quot;x-goog-api-key&quot; ou &quot;none&quot;.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the provider</source>
        <translation>le fournisseur</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;request.max_tokens_field&quot; must be &quot;max_tokens&quot; or &quot;max_completion_tokens&quot;.</source>
        <translation>&quot;request.max_tokens_field&quot; doit valoir &quot;max_tokens&quot; ou &quot;max_completion_tokens&quot;.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;request.reasoning_param&quot; must be &quot;reasoning_effort&quot;, &quot;deepseek_thinking&quot; or &quot;openrouter_reasoning&quot;.</source>
        <translation>&quot;request.reasoning_param&quot; doit valoir &quot;reasoning_effort&quot;, &quot;deepseek_thinking&quot; ou &quot;openrouter_reasoning&quot;.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;request.tool_turn_reasoning&quot; must be &quot;drop&quot; or &quot;reasoning_content&quot;.</source>
        <translation>&quot;request.tool_turn_reasoning&quot; doit valoir &quot;drop&quot; ou &quot;reasoning_content&quot;.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;request.response_format&quot; must be &quot;json_schema&quot; or &quot;json_object&quot;.</source>
        <translation>&quot;request.response_format&quot; doit valoir &quot;json_schema&quot; ou &quot;json_object&quot;.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;models&quot; must be a list.</source>
        <translation>&quot;models&quot; doit être une liste.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&quot;server_tools&quot; of model &quot;%1&quot; must be a list of tool names.</source>
        <translation>&quot;server_tools&quot; du modèle «&#xa0;%1&#xa0;» doit être une liste de noms d’outils.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>model &quot;%1&quot;</source>
        <translation>le modèle «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a model has no &quot;id&quot;.</source>
        <translation>il manque &quot;id&quot; à un modèle.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>cannot be read: %1</source>
        <translation>lecture impossible&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>not valid JSON: %1</source>
        <translation>JSON non valide&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>expected {&quot;providers&quot;: [ ... ]}</source>
        <translation>attendu&#xa0;: un objet dont la clé &quot;providers&quot; contient un tableau</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>an entry must be an object</source>
        <translation>une entrée doit être un objet</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>dialect not available</source>
        <translation>dialecte non disponible</translation>
    </message>
</context>
<context>
    <name>versus::SynesiaProvider</name>
    <message>
        <location filename="../../core/providers/synesiaprovider.cpp" line="+28"/>
        <source>%1 does not take stop sequences.</source>
        <translation>%1 n’accepte pas de séquences d’arrêt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 does not take a sampling seed.</source>
        <translation>%1 n’accepte pas de graine (seed) d’échantillonnage.</translation>
    </message>
    <message>
        <location filename="../../core/providers/synesiastreamdecoder.cpp" line="+55"/>
        <source>Synesia reported an error in the middle of the answer.</source>
        <translation>Synesia a signalé une erreur en cours de réponse.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The tool failed without saying why.</source>
        <translation>L’outil a échoué sans en donner la raison.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Synesia sent a malformed event (%1 at byte %2).</source>
        <translation>Synesia a envoyé un événement mal formé (%1 à l’octet %2).</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Synesia answered with something that is neither a stream nor JSON.</source>
        <translation>Synesia a répondu par un contenu qui n’est ni un flux ni du JSON.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Synesia answered with JSON that holds no answer.</source>
        <translation>Synesia a répondu par du JSON qui ne contient aucune réponse.</translation>
    </message>
</context>
<context>
    <name>versus::bench</name>
    <message>
        <location filename="../../core/bench/benchspec.cpp" line="+68"/>
        <source>cannot read the prompt file %1: %2</source>
        <translation>impossible de lire le fichier de prompts %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the prompt file %1 starts like a JSON list but is not one: %2</source>
        <translation>le fichier de prompts %1 commence comme une liste JSON mais n’en est pas une&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not an array</source>
        <translation>ce n’est pas un tableau</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the prompt file %1: item %2 of the JSON list is not a non-empty string</source>
        <translation>le fichier de prompts %1&#xa0;: l’élément %2 de la liste JSON est vide ou n’est pas une chaîne</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the prompt file %1 holds no prompt</source>
        <translation>le fichier de prompts %1 ne contient aucun prompt</translation>
    </message>
</context>
<context>
    <name>versus::exports</name>
    <message>
        <location filename="../../core/export/conversationexport.cpp" line="+249"/>
        <source>cannot create the folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot write %1: %2</source>
        <translation>impossible d’écrire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>versus::history</name>
    <message>
        <location filename="../../core/history/historyopen.cpp" line="+74"/>
        <source>cannot move the corrupt history aside to %1</source>
        <translation>impossible de déplacer l’historique endommagé vers %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot move %1 aside</source>
        <translation>impossible de mettre %1 de côté</translation>
    </message>
    <message>
        <location line="+17"/>
        <location filename="../../core/history/historystore.cpp" line="+128"/>
        <location line="+3"/>
        <source>cannot create %1</source>
        <translation>impossible de créer %1</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>the history was written by a newer Versus (schema %1, this one knows %2)</source>
        <translation>l’historique a été écrit par une version plus récente de Versus (schéma %1, cette version lit le schéma %2)</translation>
    </message>
</context>
<context>
    <name>versus::mcp</name>
    <message>
        <location filename="../../core/mcp/mcpconfig.cpp" line="+34"/>
        <source>line %1, column %2</source>
        <translation>ligne %1, colonne %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 must be a string</source>
        <translation>%1 doit être une chaîne</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 must be an object of strings (%2)</source>
        <translation>%1 doit être un objet dont les valeurs sont des chaînes (%2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>; %1 is not a string</source>
        <translation>&#x202f;; %1 n’est pas une chaîne</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;command&quot; must be a non-empty string (the program to start)</source>
        <translation>&quot;command&quot; doit être une chaîne non vide (le programme à lancer)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;args&quot; must be an array of strings</source>
        <translation>&quot;args&quot; doit être un tableau de chaînes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;args&quot; must be an array of strings; item %1 is not a string</source>
        <translation>&quot;args&quot; doit être un tableau de chaînes&#x202f;; l’élément %1 n’en est pas une</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&quot;url&quot; must be an http:// or https:// address</source>
        <translation>&quot;url&quot; doit être une adresse http:// ou https://</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>header %1 uses a ${...} placeholder; the only one supported is &quot;Authorization&quot;: &quot;Bearer ${keychain}&quot; (the token is then read from the keychain entry %2)</source>
        <translation>l’en-tête %1 utilise une variable ${...}&#x202f;; la seule prise en charge est &quot;Authorization&quot;:&quot;Bearer ${keychain}&quot; (le jeton est alors lu dans l’entrée %2 du trousseau)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not a valid header name</source>
        <translation>%1 n’est pas un nom d’en-tête valide</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>must be an object</source>
        <translation>doit être un objet</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>unknown &quot;type&quot; %1 (expected &quot;stdio&quot;, &quot;http&quot;, &quot;streamable-http&quot; or &quot;sse&quot;)</source>
        <translation>valeur inconnue pour &quot;type&quot;&#xa0;: %1 (valeurs possibles&#xa0;: &quot;stdio&quot;, &quot;http&quot;, &quot;streamable-http&quot; ou &quot;sse&quot;)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>has both &quot;command&quot; and &quot;url&quot;; keep one</source>
        <translation>contient à la fois &quot;command&quot; et &quot;url&quot;&#x202f;; n’en gardez qu’un</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>needs &quot;command&quot; (a program to start) or &quot;url&quot; (a Streamable HTTP endpoint)</source>
        <translation>doit contenir &quot;command&quot; (un programme à lancer) ou &quot;url&quot; (un point d’accès Streamable HTTP)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;type&quot; is &quot;stdio&quot; but there is no &quot;command&quot;</source>
        <translation>&quot;type&quot; vaut &quot;stdio&quot; mais &quot;command&quot; est manquant</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;type&quot; is %1 but there is no &quot;url&quot;</source>
        <translation>&quot;type&quot; vaut %1 mais &quot;url&quot; est manquant</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;disabled&quot; must be true or false</source>
        <translation>&quot;disabled&quot; doit valoir true ou false</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;timeout&quot; must be a number of seconds above 0 (at most a day)</source>
        <translation>&quot;timeout&quot; doit être un nombre de secondes supérieur à 0 (un jour au plus)</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+4"/>
        <source>&quot;alwaysAllow&quot; must be a list of tool names</source>
        <translation>&quot;alwaysAllow&quot; doit être une liste de noms d’outils</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>not valid JSON: %1 at %2</source>
        <translation>JSON non valide&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected a JSON object {&quot;mcpServers&quot;: {&quot;name&quot;: {...}}}</source>
        <translation>objet JSON attendu&#xa0;: {&quot;mcpServers&quot;:{&quot;nom&quot;:{...}}}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;mcpServers&quot; must be an object of servers by name</source>
        <translation>&quot;mcpServers&quot; doit être un objet dont les clés sont les noms des serveurs</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a server in &quot;mcpServers&quot; has an empty name</source>
        <translation>un serveur de &quot;mcpServers&quot; a un nom vide</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>server %1: %2</source>
        <translation>serveur %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: cannot be read: %2</source>
        <translation>impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../../core/mcp/stdiotransport.cpp" line="+195"/>
        <source>killed by a signal</source>
        <translation>tué par un signal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exit code %1</source>
        <translation>code de sortie %1</translation>
    </message>
</context>
<context>
    <name>versus::mcp::Client</name>
    <message>
        <location filename="../../core/mcp/client.cpp" line="+61"/>
        <source>not running</source>
        <translation>non démarré</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not running: %1</source>
        <translation>non démarré&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>starting</source>
        <translation>démarrage en cours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>running, 1 tool</source>
        <translation>démarré, 1 outil</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>running, %1 tools</source>
        <translation>démarré, %1 outils</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>crashed (%1)</source>
        <translation>arrêt inattendu (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>crashed (%1): %2</source>
        <extracomment>%2 is the last line the server wrote to its standard error</extracomment>
        <translation>arrêt inattendu (%1)&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>protocol error: %1</source>
        <translation>erreur de protocole&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>timed out after %1 s</source>
        <translation>délai de %1 s dépassé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
</context>
<context>
    <name>versus::net</name>
    <message>
        <location filename="../../core/net/networkerror.cpp" line="+28"/>
        <source>%1 is not running on %2. Start it and try again.</source>
        <translation>%1 n’est pas lancé sur %2. Lancez-le, puis réessayez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 refused the connection (%2). Check the address, proxy and firewall.</source>
        <translation>%1 a refusé la connexion (%2). Vérifiez l’adresse, le proxy et le pare-feu.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 closed the connection before the answer was complete.</source>
        <translation>%1 a fermé la connexion avant la fin de la réponse.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The host %1 could not be found. Check your internet connection and the provider&apos;s address.</source>
        <translation>L’hôte %1 est introuvable. Vérifiez votre connexion Internet et l’adresse du fournisseur.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 did not answer in time.</source>
        <translation>%1 n’a pas répondu à temps.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The secure connection to %1 failed: its certificate is not trusted or TLS is broken. Versus never ignores certificate errors; check the address, proxy and system time.</source>
        <translation>La connexion sécurisée à %1 a échoué&#xa0;: son certificat n’est pas approuvé ou TLS est défaillant. Versus n’ignore jamais les erreurs de certificat&#x202f;; vérifiez l’adresse, le proxy et l’heure du système.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The network is not available. Check your connection and try again.</source>
        <translation>Le réseau n’est pas disponible. Vérifiez votre connexion, puis réessayez.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The proxy failed (check http_proxy/https_proxy and the system proxy settings).</source>
        <translation>Le proxy a échoué (vérifiez http_proxy/https_proxy et les paramètres de proxy du système).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 kept redirecting the request (more than 5 times). Check the base URL.</source>
        <translation>%1 a redirigé la requête trop de fois (plus de 5). Vérifiez l’URL de base.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 redirected the request to another address; Versus does not follow redirects to other hosts so that your key is not sent there. Check the base URL.</source>
        <translation>%1 a redirigé la requête vers une autre adresse&#x202f;; Versus ne suit pas les redirections vers d’autres hôtes, afin que votre clé n’y soit pas envoyée. Vérifiez l’URL de base.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The connection to %1 failed (%2, %3).</source>
        <translation>La connexion à %1 a échoué (%2, %3).</translation>
    </message>
    <message>
        <location filename="../../core/net/requestauthorizer.cpp" line="+35"/>
        <source>&quot;%1&quot; is not an http:// or https:// address.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une adresse http:// ou https://.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The address %1 contains a user name or password; put keys in the keychain instead.</source>
        <translation>L’adresse %1 contient un nom d’utilisateur ou un mot de passe&#x202f;; placez plutôt les clés dans le trousseau.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refusing to send your API key over unencrypted http:// to %1. Use an https:// address (plain http is only allowed to this machine).</source>
        <translation>Versus refuse d’envoyer votre clé d’API à %1 en http:// non chiffré. Utilisez une adresse https:// (le http simple n’est autorisé que vers cet ordinateur).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/providers/modellistkeycheck.cpp" line="+18"/>
        <source>%n model(s) available</source>
        <translation>
            <numerusform>%n modèle disponible</numerusform>
            <numerusform>%n modèles disponibles</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 has no model list to check a key against; send a chat to try the key.</source>
        <translation>%1 n’a pas de liste de modèles pour vérifier une clé&#x202f;; envoyez un message pour essayer la clé.</translation>
    </message>
</context>
<context>
    <name>versus::tools</name>
    <message>
        <location filename="../../core/tools/toolset.cpp" line="+28"/>
        <source>tool %1</source>
        <translation>outil %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tool %1 (&quot;%2&quot;)</source>
        <translation>outil %1 (&quot;%2&quot;)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>line %1, column %2</source>
        <translation>ligne %1, colonne %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;result&quot; must be an object: %1</source>
        <translation>&quot;result&quot; doit être un objet&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;result&quot; has an unknown member &quot;%1&quot;: use %2</source>
        <translation>membre inconnu &quot;%1&quot; dans &quot;result&quot;&#xa0;: utilisez %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;result&quot; has more than one of &quot;builtin&quot;, &quot;mock&quot; and &quot;ask&quot;</source>
        <translation>&quot;result&quot; ne doit contenir qu’un seul membre parmi &quot;builtin&quot;, &quot;mock&quot; et &quot;ask&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;result&quot; is empty: use %1</source>
        <translation>&quot;result&quot; est vide&#xa0;: utilisez %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;ask&quot; must be true (or leave &quot;result&quot; out: asking is the default)</source>
        <translation>&quot;ask&quot; doit valoir true (ou omettez &quot;result&quot;&#xa0;: &quot;ask&quot; est le choix par défaut)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unknown built-in %1 (%2, %3)</source>
        <translation>outil intégré inconnu&#xa0;: %1 (disponibles&#xa0;: %2, %3)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must be a JSON object</source>
        <translation>doit être un objet JSON</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;function&quot; must be a JSON object</source>
        <translation>&quot;function&quot; doit être un objet JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;type&quot; must be &quot;function&quot;</source>
        <translation>&quot;type&quot; doit valoir &quot;function&quot;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;result&quot; belongs beside &quot;function&quot;, not inside it</source>
        <translation>&quot;result&quot; doit se trouver au même niveau que &quot;function&quot;, pas à l’intérieur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>needs a &quot;function&quot; object, or a bare function object with a &quot;name&quot;</source>
        <translation>doit contenir un objet &quot;function&quot;, ou être directement un objet fonction avec un &quot;name&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;function&quot; has no &quot;name&quot;</source>
        <translation>&quot;function&quot; n’a pas de &quot;name&quot;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;name&quot; must be a string</source>
        <translation>&quot;name&quot; doit être une chaîne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>invalid name: use 1 to 64 letters, digits, &apos;_&apos; or &apos;-&apos;</source>
        <translation>nom non valide&#xa0;: utilisez de 1 à 64 lettres, chiffres, &apos;_&apos; ou &apos;-&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;description&quot; must be a string</source>
        <translation>&quot;description&quot; doit être une chaîne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;parameters&quot; must be a JSON object</source>
        <translation>&quot;parameters&quot; doit être un objet JSON</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;parameters&quot; is not a usable JSON Schema: %1</source>
        <translation>&quot;parameters&quot; n’est pas un schéma JSON utilisable&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source> (found an object: put its &quot;tools&quot; array at the top level)</source>
        <translation> (c’est un objet&#xa0;: placez son tableau &quot;tools&quot; au premier niveau)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (found a single tool object: put it inside [ ])</source>
        <translation> (c’est une seule définition d’outil&#xa0;: placez-la entre [ ])</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (found an object)</source>
        <translation> (c’est un objet)</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>the tools file is empty: write a JSON array of tool objects ([] for none)</source>
        <translation>le fichier d’outils est vide&#xa0;: écrivez un tableau JSON de définitions d’outils ([] pour aucun outil)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not valid JSON at %1: %2</source>
        <translation>JSON non valide (%1)&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the tools file must be a JSON array of tool objects%1</source>
        <translation>le fichier d’outils doit être un tableau JSON de définitions d’outils%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: duplicate name, %2 has it too</source>
        <translation>%1&#xa0;: nom en double (déjà utilisé par %2)</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+4"/>
        <source>cannot read the tools file &quot;%1&quot;: %2</source>
        <translation>impossible de lire le fichier d’outils «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the tools file &quot;%1&quot; is larger than 4 MiB</source>
        <translation>le fichier d’outils «&#xa0;%1&#xa0;» dépasse 4&#xa0;Mio</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>tools file &quot;%1&quot;: %2</source>
        <translation>fichier d’outils «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>versus::ui::BenchBoxChart</name>
    <message>
        <location filename="../../ui/benchchart.cpp" line="+56"/>
        <source>Box: 25th to 75th percentile; line: median (p50); whiskers: 5th and 95th percentile of the answered requests</source>
        <translation>Boîte&#xa0;: du 25e au 75e centile&#x202f;; trait&#xa0;: médiane (p50)&#x202f;; moustaches&#xa0;: 5e et 95e centiles des requêtes ayant reçu une réponse</translation>
    </message>
</context>
<context>
    <name>versus::ui::BenchPastRuns</name>
    <message>
        <location filename="../../ui/benchpastruns.cpp" line="+32"/>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete…</source>
        <translation>Suppr&amp;imer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;fresh</source>
        <translation>Act&amp;ualiser</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Benchmark</source>
        <translation>Benchmark</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Started</source>
        <translation>Démarré le</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Show this benchmark&apos;s figures again (read-only)</source>
        <translation>Afficher à nouveau les résultats de ce benchmark (lecture seule)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete benchmark</source>
        <translation>Supprimer le benchmark</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the benchmark &quot;%1&quot; and every request it measured? This cannot be undone.</source>
        <translation>Supprimer le benchmark «&#xa0;%1&#xa0;» et toutes les requêtes qu’il a mesurées&#x202f;? Cette action est irréversible.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>There is no history: benchmarks are not stored</source>
        <translation>Pas d’historique&#xa0;: les benchmarks ne sont pas enregistrés</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The stored benchmarks cannot be read: %1</source>
        <translation>Impossible de lire les benchmarks enregistrés&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>running here</source>
        <translation>en cours ici</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>running in another Versus</source>
        <translation>en cours dans une autre instance de Versus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>finished</source>
        <translation>terminé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>interrupted</source>
        <translation>interrompu</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Versus ended while it ran: the requests that finished were kept</source>
        <translation>Versus s’est fermé pendant l’exécution&#xa0;: les requêtes terminées ont été conservées</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This benchmark is still running; stop it first.</source>
        <translation>Ce benchmark est encore en cours&#x202f;; arrêtez-le d’abord.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The benchmark could not be deleted: %1</source>
        <translation>Impossible de supprimer le benchmark&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>versus::ui::BenchSetup</name>
    <message>
        <location filename="../../ui/benchsetup.cpp" line="+33"/>
        <source>Short answers</source>
        <translation>Réponses courtes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Long answers</source>
        <translation>Réponses longues</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reasoning</source>
        <translation>Raisonnement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tool call</source>
        <translation>Appel d’outil</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Window&apos;s &amp;lanes</source>
        <translation>Colonnes de la &amp;fenêtre</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Model: pick one or type any id</source>
        <translation>Modèle&#xa0;: choisissez-en un ou saisissez n’importe quel identifiant</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add this provider and model to the targets</source>
        <translation>Ajouter ce fournisseur et ce modèle aux cibles</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use model &amp;set</source>
        <translation>Utiliser un jeu de &amp;modèles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The targets of a saved model set</source>
        <translation>Les cibles d’un jeu de modèles enregistré</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The targets of the window&apos;s lanes</source>
        <translation>Les cibles des colonnes de la fenêtre</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Typed below, one per line</source>
        <translation>Saisie ci-dessous (un prompt par ligne)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From file…</source>
        <translation>Depuis un fichier…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One prompt per line</source>
        <translation>Un prompt par ligne</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Requests per target and prompt</source>
        <translation>Requêtes par cible et par prompt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>At most this many requests of a target at once (targets run side by side)</source>
        <translation>Nombre maximal de requêtes simultanées pour une même cible (les cibles s’exécutent en parallèle)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Requests per target sent first and left out of the figures (connections, caches)</source>
        <translation>Requêtes par cible envoyées d’abord et exclues des mesures (connexions, caches)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>provider&apos;s default</source>
        <translation>valeur par défaut du fournisseur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The most answer tokens a request may use</source>
        <translation>Nombre maximal de jetons de réponse par requête</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>R&amp;uns:</source>
        <translation>&amp;Exécutions&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Concurrency:</source>
        <translation>Requêtes &amp;simultanées&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Warm-up:</source>
        <translation>É&amp;chauffement&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Max &amp;tokens:</source>
        <translation>&amp;Jetons max.&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Targets&lt;/b&gt;</source>
        <translation>&lt;b&gt;Cibles&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;&amp;Prompts&lt;/b&gt;</source>
        <translation>&lt;b&gt;&amp;Prompts&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1, model %2</source>
        <translation>%1, modèle %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A provider this Versus does not know: requests to it will fail</source>
        <translation>Un fournisseur que cette version de Versus ne connaît pas&#xa0;: les requêtes vers lui échoueront</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>File: %1</source>
        <translation>Fichier&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Prompt file</source>
        <translation>Fichier de prompts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prompt files (*.txt *.json);;All files (*)</source>
        <translation>Fichiers de prompts (*.txt *.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Add at least one target: a provider and a model.</source>
        <translation>Ajoutez au moins une cible&#xa0;: un fournisseur et un modèle.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>typed prompts</source>
        <translation>prompts saisis</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Type at least one prompt, or pick a prompt set.</source>
        <translation>Saisissez au moins un prompt, ou choisissez un jeu de prompts.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The model sets cannot be read: %1</source>
        <translation>Impossible de lire les jeux de modèles&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No saved model sets (Model sets → Save current lanes as set…)</source>
        <translation>Aucun jeu de modèles enregistré (Jeux de modèles → Enregistrer les colonnes actuelles comme jeu…)</translation>
    </message>
</context>
<context>
    <name>versus::ui::BenchView</name>
    <message>
        <location filename="../../ui/benchtablemodels.cpp" line="+46"/>
        <location line="+22"/>
        <location filename="../../ui/benchview.cpp" line="+399"/>
        <source>unpriced</source>
        <translation>sans tarif</translation>
    </message>
    <message numerus="yes">
        <location line="-17"/>
        <source>%1 + %n unpriced</source>
        <translation>
            <numerusform>%1 + %n sans tarif</numerusform>
            <numerusform>%1 + %n sans tarif</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped</source>
        <translation>arrêtée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cut short</source>
        <translation>tronquée</translation>
    </message>
    <message>
        <location line="+12"/>
        <source> (HTTP %1)</source>
        <translation> (HTTP %1)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>authentication</source>
        <translation>authentification</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rate limit</source>
        <translation>limite de débit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not found</source>
        <translation>introuvable</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bad request</source>
        <translation>requête invalide</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>quota</source>
        <translation>quota</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>server error</source>
        <translation>erreur du serveur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>network</source>
        <translation>réseau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>timeout</source>
        <translation>délai dépassé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>broken stream</source>
        <translation>flux rompu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>setup (key, model)</source>
        <translation>configuration (clé, modèle)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <location line="+49"/>
        <source>%n request(s) used tokens of a model without a known price: they are left out of the total, not guessed. Add the price in Settings → Prices.</source>
        <translation>
            <numerusform>%n requête a utilisé les jetons d’un modèle sans tarif connu&#xa0;: elle est exclue du total, et non estimée. Ajoutez le tarif dans Paramètres → Tarifs.</numerusform>
            <numerusform>%n requêtes ont utilisé les jetons de modèles sans tarif connu&#xa0;: elles sont exclues du total, et non estimées. Ajoutez le tarif dans Paramètres → Tarifs.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+3"/>
        <source>~: some token counts were estimated (the provider reported no usage)</source>
        <translation>~&#xa0;: certains nombres de jetons sont estimés (le fournisseur n’a pas indiqué de décompte)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 answered, %2 failed</source>
        <translation>Réussies&#xa0;: %1, en échec&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+50"/>
        <location line="+164"/>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <location line="-162"/>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TTFT p50</source>
        <translation>TTFT p50</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TTFT p95</source>
        <translation>TTFT p95</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First answer p50</source>
        <translation>Première réponse p50</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total p50</source>
        <translation>Total p50</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total p95</source>
        <translation>Total p95</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Speed p50</source>
        <translation>Vitesse p50</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Speed p95</source>
        <translation>Vitesse p95</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+160"/>
        <source>Tokens</source>
        <translation>Jetons</translation>
    </message>
    <message>
        <location line="-158"/>
        <location line="+160"/>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <location line="-152"/>
        <source>Measured requests finished (warm-up requests are not counted)</source>
        <translation>Requêtes mesurées terminées (les requêtes d’échauffement ne sont pas comptées)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Requests that failed, by kind; their figures are left out of the percentiles</source>
        <translation>Requêtes en échec, par type&#x202f;; leurs valeurs sont exclues des centiles</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time to first token: first text, reasoning or tool-call chunk − request sent (median, 95th percentile of the answered requests)</source>
        <translation>Délai du premier jeton&#xa0;: premier fragment de texte, de raisonnement ou d’appel d’outil − envoi de la requête (médiane et 95e centile des requêtes ayant abouti)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time to first answer token: first answer-text chunk − request sent, thinking included (Artificial Analysis&apos; &quot;time to first answer token&quot;)</source>
        <translation>Délai du premier jeton de réponse&#xa0;: premier fragment de texte de réponse − envoi de la requête, raisonnement compris (le «&#xa0;time to first answer token&#xa0;» d’Artificial Analysis)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Last token-bearing chunk − request sent</source>
        <translation>Dernier fragment contenant des jetons − envoi de la requête</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decode speed: (completion tokens − 1) / (last token − first token), completion tokens as the provider reported them (reasoning included)</source>
        <translation>Vitesse de décodage&#xa0;: (jetons de sortie − 1) / (dernier jeton − premier jeton), jetons de sortie tels que le fournisseur les indique (raisonnement compris)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Prompt + completion tokens of every request</source>
        <translation>Jetons du prompt + jetons de sortie de toutes les requêtes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What every request cost at the catalog&apos;s prices; ~ when token counts were estimated</source>
        <translation>Coût de toutes les requêtes aux tarifs du catalogue&#x202f;; ~ lorsque des nombres de jetons sont estimés</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TTFT</source>
        <translation>TTFT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First answer</source>
        <translation>Première réponse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Speed</source>
        <translation>Vitesse</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location filename="../../ui/benchview.cpp" line="-334"/>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sto&amp;p</source>
        <translation>Arrê&amp;ter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export</source>
        <translation>E&amp;xporter</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Time to first token (ms)</source>
        <translation>Délai du premier jeton (ms)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decode speed (tokens/s)</source>
        <translation>Vitesse de décodage (jetons/s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost per target (USD)</source>
        <translation>Coût par cible (USD)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Benchmark — Versus</source>
        <translation>Benchmark — Versus</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Send every target × prompt × run</source>
        <translation>Envoyer chaque combinaison cible × prompt × exécution</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop: requests in flight are dropped, what finished is kept</source>
        <translation>Arrêter&#xa0;: les requêtes en cours sont abandonnées, celles qui sont terminées sont conservées</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>JSON (runs and summary)…</source>
        <translation>JSON (exécutions et synthèse)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV, one row per request…</source>
        <translation>CSV, une ligne par requête…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV, one row per target…</source>
        <translation>CSV, une ligne par cible…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Pick targets and prompts, then Start.</source>
        <translation>Choisissez des cibles et des prompts, puis cliquez sur Démarrer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%v of %m requests</source>
        <translation>%v requêtes sur %m</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>C&amp;harts</source>
        <translation>&amp;Graphiques</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;quests</source>
        <translation>Re&amp;quêtes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TTFT: first token − request sent. First answer: first answer-text token, thinking included. Speed: (completion tokens − 1) / (last token − first token). p50/p95 over the answered requests (linear interpolation); warm-up requests are not counted; ~ marks estimated token counts.</source>
        <translation>TTFT&#xa0;: premier jeton − envoi de la requête. Première réponse&#xa0;: premier jeton du texte de la réponse, raisonnement compris. Vitesse&#xa0;: (jetons de sortie − 1) / (dernier jeton − premier jeton). p50/p95 calculés sur les requêtes ayant abouti (interpolation linéaire)&#x202f;; les requêtes d’échauffement ne sont pas comptées&#x202f;; ~ signale des nombres de jetons estimés.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&lt;b&gt;Past benchmarks&lt;/b&gt;</source>
        <translation>&lt;b&gt;Benchmarks précédents&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Deleted from the history; the figures stay here until the next benchmark.</source>
        <translation>Supprimé de l’historique&#x202f;; les valeurs restent affichées ici jusqu’au prochain benchmark.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Warming up…</source>
        <translation>Échauffement…</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <source>Running…</source>
        <translation>En cours…</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>Running… %n request(s) finished</source>
        <translation>
            <numerusform>En cours… %n requête terminée</numerusform>
            <numerusform>En cours… %n requêtes terminées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <location line="+19"/>
        <source>, %n failed</source>
        <translation>
            <numerusform>, %n en échec</numerusform>
            <numerusform>, %n en échec</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-3"/>
        <source>Stopped: %n request(s) finished</source>
        <translation>
            <numerusform>Arrêté&#xa0;: %n requête terminée</numerusform>
            <numerusform>Arrêté&#xa0;: %n requêtes terminées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Finished: %n request(s)</source>
        <translation>
            <numerusform>Terminé&#xa0;: %n requête</numerusform>
            <numerusform>Terminé&#xa0;: %n requêtes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source> — saved in the history</source>
        <translation> — enregistré dans l’historique</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The benchmark could not be saved in the history: %1. It goes on here; export its results to keep them.</source>
        <translation>Le benchmark n’a pas pu être enregistré dans l’historique&#xa0;: %1. Il continue ici&#x202f;; exportez ses résultats pour les conserver.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A benchmark is running: stop it, or wait for its end, to see a stored one.</source>
        <translation>Un benchmark est en cours&#xa0;: arrêtez-le ou attendez qu’il se termine pour en afficher un enregistré.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The benchmark cannot be read from the history: %1</source>
        <translation>Impossible de lire le benchmark dans l’historique&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>still running in another Versus; these are the requests finished so far</source>
        <translation>toujours en cours dans une autre instance de Versus&#x202f;; voici les requêtes terminées jusqu’ici</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>finished</source>
        <translation>terminé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>stopped before the end</source>
        <translation>arrêté avant la fin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>interrupted: Versus ended while it ran</source>
        <translation>interrompu&#xa0;: Versus a été fermé pendant l’exécution</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Stored benchmark of %1 (%2), read-only: %n request(s)</source>
        <translation>
            <numerusform>Benchmark enregistré du %1 (%2), en lecture seule&#xa0;: %n requête</numerusform>
            <numerusform>Benchmark enregistré du %1 (%2), en lecture seule&#xa0;: %n requêtes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Export benchmark</source>
        <translation>Exporter le benchmark</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The export could not be written to %1: %2</source>
        <translation>Impossible d’écrire l’export dans %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>versus::ui::CapabilityBadges</name>
    <message>
        <location filename="../../ui/capabilitybadges.cpp" line="+78"/>
        <source>%1: supported</source>
        <translation>%1&#xa0;: pris en charge</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: not supported</source>
        <translation>%1&#xa0;: non pris en charge</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: unknown</source>
        <translation>%1&#xa0;: prise en charge inconnue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: unknown (the catalog does not know this model)</source>
        <translation>%1&#xa0;: prise en charge inconnue (le catalogue ne connaît pas ce modèle)</translation>
    </message>
</context>
<context>
    <name>versus::ui::Composer</name>
    <message>
        <location filename="../../ui/composer.cpp" line="+27"/>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attach image…</source>
        <translation>Joindre une image…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+71"/>
        <source>System prompt…</source>
        <translation>Prompt système…</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Stop every lane (Esc); partial answers stay</source>
        <translation>Arrêter toutes les colonnes (Échap)&#x202f;; les réponses partielles sont conservées</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attach PNG, JPEG, WebP or GIF images to the prompt (Ctrl+Shift+A); up to %1</source>
        <translation>Joindre des images PNG, JPEG, WebP ou GIF au prompt (Ctrl+Maj+A)&#x202f;; jusqu’à %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Entrée</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask every lane the same thing… (Ctrl+Enter sends, Esc stops; paste or drop images to attach them)</source>
        <translation>Posez la même question à toutes les colonnes… (Ctrl+Entrée pour envoyer, Échap pour arrêter&#x202f;; collez ou déposez des images pour les joindre)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask every lane the same thing… (Enter sends, Shift+Enter starts a new line, Esc stops; paste or drop images to attach them)</source>
        <translation>Posez la même question à toutes les colonnes… (Entrée pour envoyer, Maj+Entrée pour aller à la ligne, Échap pour arrêter&#x202f;; collez ou déposez des images pour les joindre)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send to every lane (%1)</source>
        <translation>Envoyer à toutes les colonnes (%1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>System prompt ✓</source>
        <translation>Prompt système ✓</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every lane without a system prompt of its own is told:
%1</source>
        <translation>Chaque colonne sans prompt système propre reçoit&#xa0;:
%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A system prompt for every lane that has none of its own (a lane&apos;s Parameters set its own)</source>
        <translation>Un prompt système pour toutes les colonnes qui n’ont pas le leur (chaque colonne peut définir le sien dans ses Paramètres)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>System prompt</source>
        <translation>Prompt système</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent to every lane that has no system prompt of its own, from the next prompt on. Saved with the conversation.</source>
        <translation>Envoyé à toutes les colonnes qui n’ont pas leur propre prompt système, à partir du prochain prompt. Enregistré avec la conversation.</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>A prompt carries at most %1 images. Left out: %2.</source>
        <translation>Un prompt contient au plus %1 images. Non jointes&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Attach images</source>
        <translation>Joindre des images</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Images (*.png *.jpg *.jpeg *.webp *.gif);;All files (*)</source>
        <translation>Images (*.png *.jpg *.jpeg *.webp *.gif);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../ui/imageintake.cpp" line="+54"/>
        <location line="+8"/>
        <source>The clipboard&apos;s image cannot be read.</source>
        <translation>Impossible de lire l’image du presse-papiers.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>pasted-image.png</source>
        <translation>image-collée.png</translation>
    </message>
</context>
<context>
    <name>versus::ui::ConversationView</name>
    <message>
        <location filename="../../ui/conversationnotes.cpp" line="+16"/>
        <source>The answer reached its length limit.</source>
        <translation>La réponse a atteint sa longueur maximale.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The provider&apos;s content filter ended the answer.</source>
        <translation>Le filtre de contenu du fournisseur a interrompu la réponse.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stopped by you.</source>
        <translation>Vous avez arrêté la réponse.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Interrupted: Versus closed before the answer ended. The text saved until then is shown.</source>
        <translation>Interrompue&#xa0;: Versus a été fermé avant la fin de la réponse. Le texte enregistré jusque-là est affiché.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Stopped: the model still called tools after %n round(s), the limit. Raise it in the lane&apos;s Tools and send again.</source>
        <translation>
            <numerusform>Arrêté&#xa0;: le modèle appelait encore des outils après %n passe (la limite). Augmentez-la dans les Outils de la colonne et renvoyez le prompt.</numerusform>
            <numerusform>Arrêté&#xa0;: le modèle appelait encore des outils après %n passes (la limite). Augmentez-la dans les Outils de la colonne et renvoyez le prompt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not sent: %1</source>
        <translation>Non envoyé&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conversationrender.cpp" line="+55"/>
        <location line="+73"/>
        <location filename="../../ui/markdownstream.cpp" line="+44"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>Copy this prompt to the clipboard</source>
        <translation>Copier ce prompt dans le presse-papiers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit this prompt and send it again: the turns after it are replaced in a branch, a new conversation; this one stays in the history unchanged</source>
        <translation>Modifier ce prompt et le renvoyer&#xa0;: les tours suivants sont remplacés dans une branche, une nouvelle conversation&#x202f;; celle-ci reste inchangée dans l’historique</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Waiting for the first token…</source>
        <translation>En attente du premier jeton…</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Copy this answer (its Markdown) to the clipboard</source>
        <translation>Copier cette réponse (en Markdown) dans le presse-papiers</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Regenerate</source>
        <translation>Régénérer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send this prompt again to this lane: the new answer replaces this one, here and in the history</source>
        <translation>Renvoyer ce prompt à cette colonne&#xa0;: la nouvelle réponse remplace celle-ci, ici et dans l’historique</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Thinking…</source>
        <translation>Réflexion en cours…</translation>
    </message>
    <message>
        <location filename="../../ui/conversationview.cpp" line="+43"/>
        <source>Jump to latest ↓</source>
        <translation>Aller à la fin ↓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scroll to the end and follow the answer again</source>
        <translation>Faire défiler jusqu’à la fin et suivre de nouveau la réponse</translation>
    </message>
    <message>
        <location line="+155"/>
        <source>Code copied to the clipboard.</source>
        <translation>Code copié dans le presse-papiers.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prompt copied to the clipboard.</source>
        <translation>Prompt copié dans le presse-papiers.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answer copied to the clipboard.</source>
        <translation>Réponse copiée dans le presse-papiers.</translation>
    </message>
    <message numerus="yes">
        <location line="+171"/>
        <source>▲ Show earlier turns (%n more)</source>
        <translation>
            <numerusform>▲ Afficher %n tour précédent</numerusform>
            <numerusform>▲ Afficher les %n tours précédents</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/markdownstream.cpp" line="-9"/>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copy this code to the clipboard</source>
        <translation>Copier ce code dans le presse-papiers</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/messagelinks.cpp" line="+51"/>
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n mot</numerusform>
            <numerusform>%n mots</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>▾ Hide reasoning (%1)</source>
        <translation>▾ Masquer le raisonnement (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>▸ Show reasoning (%1)</source>
        <translation>▸ Afficher le raisonnement (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · %1 s</source>
        <translation> · %1 s</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source> · %Ln token(s)</source>
        <translation>
            <numerusform> · %Ln jeton</numerusform>
            <numerusform> · %Ln jetons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source> · ~%Ln token(s)</source>
        <translation>
            <numerusform> · ~%Ln jeton</numerusform>
            <numerusform> · ~%Ln jetons</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/promptimages.cpp" line="+54"/>
        <source>%1 (click to enlarge)</source>
        <translation>%1 (cliquer pour agrandir)</translation>
    </message>
    <message>
        <location filename="../../ui/richtext.cpp" line="+116"/>
        <source>[image not loaded: %1]</source>
        <translation>[image non chargée&#xa0;: %1]</translation>
    </message>
    <message>
        <location line="+222"/>
        <source>[Shown as plain text: too large or too deeply nested to lay out as Markdown.]</source>
        <translation>[Affiché en texte brut&#xa0;: trop volumineux ou trop imbriqué pour être mis en forme en Markdown.]</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>[%n more characters not shown: the answer is too long to show here. Export the conversation to read all of it.]</source>
        <translation>
            <numerusform>[%n caractère de plus non affiché&#xa0;: la réponse est trop longue pour être affichée ici. Exportez la conversation pour la lire en entier.]</numerusform>
            <numerusform>[%n caractères de plus non affichés&#xa0;: la réponse est trop longue pour être affichée ici. Exportez la conversation pour la lire en entier.]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>versus::ui::CustomEndpointsPage</name>
    <message>
        <location filename="../../ui/settings/customendpointspage.cpp" line="+37"/>
        <source>The service needs an API key</source>
        <translation>Le service nécessite une clé d’API</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any service that speaks the OpenAI chat completions API: a proxy, a gateway, a server on your network. Kept in %1; keys go in Providers &amp; Keys.</source>
        <translation>Tout service compatible avec l’API Chat Completions d’OpenAI&#xa0;: un proxy, une passerelle, un serveur de votre réseau. Ces services sont enregistrés dans %1&#x202f;; les clés se gèrent dans Fournisseurs et clés.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. Company gateway</source>
        <translation>p. ex. Passerelle de l’entreprise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>derived from the name</source>
        <translation>dérivé du nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Used in PROVIDER:MODEL targets and as the key&apos;s name in the keychain</source>
        <translation>Utilisé dans les cibles FOURNISSEUR:MODÈLE et comme nom de la clé dans le trousseau</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One model id per line (more can be typed in a lane)</source>
        <translation>Un identifiant de modèle par ligne (d’autres peuvent être saisis dans une colonne)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base URL</source>
        <translation>URL de base</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
</context>
<context>
    <name>versus::ui::DiffDialog</name>
    <message>
        <location filename="../../ui/diffdialog.cpp" line="+26"/>
        <source>(images only)</source>
        <translation>(images uniquement)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Compare answers</source>
        <translation>Comparer les réponses</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Turn:</source>
        <translation>&amp;Tour&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Left (removed words struck):</source>
        <translation>&amp;Gauche (mots supprimés barrés)&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Right (added words tinted):</source>
        <translation>&amp;Droite (mots ajoutés surlignés)&#xa0;:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Swap sides</source>
        <translation>&amp;Inverser les côtés</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Nothing to compare yet: send a prompt first.</source>
        <translation>Rien à comparer pour l’instant&#xa0;: envoyez d’abord un prompt.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The same lane on both sides: pick another lane to compare with.</source>
        <translation>La même colonne des deux côtés&#xa0;: choisissez une autre colonne à comparer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 was not sent this turn.</source>
        <translation>Rien n’a été envoyé à %1 à ce tour.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The answers have the same words.</source>
        <translation>Les réponses contiennent les mêmes mots.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changed words: %1 only on the left, %2 only on the right.</source>
        <translation>Mots modifiés&#xa0;: %1 seulement à gauche, %2 seulement à droite.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The answers are long: they were compared paragraph by paragraph.</source>
        <translation>Les réponses sont longues&#xa0;: elles ont été comparées paragraphe par paragraphe.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The answers are too long to compare word by word: shown whole.</source>
        <translation>Les réponses sont trop longues pour être comparées mot à mot&#xa0;: elles sont affichées en entier.</translation>
    </message>
</context>
<context>
    <name>versus::ui::EditPromptDialog</name>
    <message>
        <location filename="../../ui/editpromptdialog.cpp" line="+17"/>
        <source>Edit and resend</source>
        <translation>Modifier et renvoyer</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Resending sends the edited prompt to every lane; the turns after it are replaced. This starts a branch: a new conversation with the turns before this one and your edited prompt. The original conversation stays in the history unchanged; both are listed.</source>
        <translation>Le renvoi transmet le prompt modifié à toutes les colonnes&#x202f;; les tours qui suivent sont remplacés. Cela crée une branche&#xa0;: une nouvelle conversation qui reprend les tours précédant celui-ci, avec votre prompt modifié. La conversation d’origine reste inchangée dans l’historique&#x202f;; les deux y figurent.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resending sends the edited prompt to every lane; this turn and the turns after it are removed from the lanes (this comparison is not saved).</source>
        <translation>Le renvoi transmet le prompt modifié à toutes les colonnes&#x202f;; ce tour et les suivants sont retirés des colonnes (cette comparaison n’est pas enregistrée).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Resend</source>
        <translation>Renvoyer</translation>
    </message>
</context>
<context>
    <name>versus::ui::GeneralPage</name>
    <message>
        <location filename="../../ui/settings/generalpage.cpp" line="+48"/>
        <source>Change…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>Entrée envoie, Maj+Entrée va à la ligne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Enter sends, Enter starts a new line</source>
        <translation>Ctrl+Entrée envoie, Entrée va à la ligne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>System (%1)</source>
        <translation>Système (%1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The language of the window, from the next start</source>
        <translation>La langue de la fenêtre, à partir du prochain démarrage</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Keep the conversations in another file, from the next start</source>
        <translation>Conserver les conversations dans un autre fichier, à partir du prochain démarrage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the conversations in the default place, from the next start</source>
        <translation>Conserver les conversations à l’emplacement par défaut, à partir du prochain démarrage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System settings (HTTPS_PROXY, NO_PROXY)</source>
        <translation>Paramètres du système (HTTPS_PROXY, NO_PROXY)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No proxy</source>
        <translation>Aucun proxy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manual</source>
        <translation>Manuel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>proxy.example.com</source>
        <translation>proxy.example.com</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>port</source>
        <translation>port</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>An HTTP proxy; one that needs a password is set in the system settings.</source>
        <translation>Un proxy HTTP&#x202f;; un proxy qui demande un mot de passe se configure dans les paramètres du système.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send with</source>
        <translation>Envoyer avec</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 cannot be shown: its translation is missing (%2). Reinstall Versus.</source>
        <translation>Langue «&#xa0;%1&#xa0;» indisponible&#xa0;: sa traduction est introuvable (%2). Réinstallez Versus.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>(the history is not open)</source>
        <translation>(l’historique n’est pas ouvert)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From the next start: %1</source>
        <translation>À partir du prochain démarrage&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Keep the history in</source>
        <translation>Conserver l’historique dans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History database (*.sqlite)</source>
        <translation>Base de données d’historique (*.sqlite)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not a Versus history: choose a new file name, or a history file Versus made.</source>
        <translation>%1 n’est pas un historique Versus&#xa0;: choisissez un nouveau nom de fichier, ou un fichier d’historique créé par Versus.</translation>
    </message>
</context>
<context>
    <name>versus::ui::HistoryListModel</name>
    <message>
        <location filename="../../ui/historylistmodel.cpp" line="+75"/>
        <source>Untitled conversation</source>
        <translation>Conversation sans titre</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Today %1</source>
        <translation>Aujourd’hui, %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Yesterday %1</source>
        <translation>Hier, %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>d MMM</source>
        <comment>date format for a day of this year</comment>
        <translation>d MMM</translation>
    </message>
    <message>
        <location line="+14"/>
        <source> vs </source>
        <comment>between the targets of two lanes</comment>
        <translation> vs </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n turn(s), last on %1</source>
        <translation>
            <numerusform>%n tour, dernière activité le %1</numerusform>
            <numerusform>%n tours, dernière activité le %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Found in a prompt</source>
        <translation>Trouvé dans un prompt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Found in an answer</source>
        <translation>Trouvé dans une réponse</translation>
    </message>
</context>
<context>
    <name>versus::ui::HistorySidebar</name>
    <message>
        <location filename="../../ui/historysidebar.cpp" line="+43"/>
        <source>Search conversations (Ctrl+F)</source>
        <translation>Rechercher dans les conversations (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export as Markdown…</source>
        <translation>Exporter en Markdown…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export as JSON…</source>
        <translation>Exporter en JSON…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>History is off: conversations are not saved, so there is nothing to list or search.</source>
        <translation>L’historique est désactivé&#xa0;: les conversations ne sont pas enregistrées, il n’y a donc rien à afficher ni à rechercher.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No saved conversations yet. Every comparison you run is kept here.</source>
        <translation>Aucune conversation enregistrée pour l’instant. Chaque comparaison que vous lancez est conservée ici.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No conversation contains “%1”.</source>
        <translation>Aucune conversation ne contient «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+174"/>
        <source>Delete Conversation</source>
        <translation>Supprimer la conversation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete “%1”?

Its prompts and answers are removed from this computer. This cannot be undone.</source>
        <translation>Supprimer «&#xa0;%1&#xa0;»&#x202f;?

Ses prompts et ses réponses seront effacés de cet ordinateur. Cette action est irréversible.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rename Conversation</source>
        <translation>Renommer la conversation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title:</source>
        <translation>Titre&#xa0;:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The history file cannot be read or written. Check the permissions of its folder.</source>
        <translation>Le fichier d’historique ne peut être ni lu ni écrit. Vérifiez les permissions de son dossier.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The disk is full: the history cannot be changed until some space is freed.</source>
        <translation>Le disque est plein&#xa0;: l’historique ne peut pas être modifié tant que de l’espace n’a pas été libéré.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The history file is damaged. Restart Versus to set it aside and start a new one.</source>
        <translation>Le fichier d’historique est endommagé. Redémarrez Versus pour le mettre de côté et en commencer un nouveau.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The history was written by a newer version of Versus and cannot be read by this one.</source>
        <translation>L’historique a été écrit par une version plus récente de Versus et ne peut pas être lu par celle-ci.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That conversation no longer exists.</source>
        <translation>Cette conversation n’existe plus.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The history could not be read.</source>
        <translation>L’historique n’a pas pu être lu.</translation>
    </message>
</context>
<context>
    <name>versus::ui::ImagePreview</name>
    <message>
        <location filename="../../ui/imagepreview.cpp" line="+31"/>
        <source>This image cannot be shown here.</source>
        <translation>Cette image ne peut pas être affichée ici.</translation>
    </message>
</context>
<context>
    <name>versus::ui::ImageStrip</name>
    <message>
        <location filename="../../ui/imagestrip.cpp" line="+46"/>
        <source>Pasted image</source>
        <translation>Image collée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Press Delete to remove this image</source>
        <translation>Appuyez sur Suppr pour retirer cette image</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove %1</source>
        <translation>Retirer %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>this image</source>
        <translation>cette image</translation>
    </message>
</context>
<context>
    <name>versus::ui::JudgeDialog</name>
    <message>
        <location filename="../../ui/judgedialog.cpp" line="+25"/>
        <source>Judge</source>
        <translation>Juger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Judge answers</source>
        <translation>Juger les réponses</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The judge model scores each answer to the last prompt from 1 to 10 against the rubric. It sees the answers as A, B, C…, never by provider or model.</source>
        <translation>Le modèle juge note de 1 à 10 chaque réponse au dernier prompt selon la grille d’évaluation. Il voit les réponses sous les lettres A, B, C…, jamais sous le nom du fournisseur ou du modèle.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rubric:</source>
        <translation>Grille d’évaluation&#xa0;:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Nothing to judge yet: send a prompt and let the lanes answer it first.</source>
        <translation>Rien à juger pour l’instant&#xa0;: envoyez d’abord un prompt et laissez les colonnes y répondre.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Asking %1 to judge the answers…</source>
        <translation>Jugement des réponses demandé à %1…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source> (HTTP %1)</source>
        <translation> (HTTP %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No scores: %1. %2</source>
        <translation>Aucune note&#xa0;: %1. %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: %2 — %3</source>
        <translation>%1&#xa0;: %2 — %3</translation>
    </message>
</context>
<context>
    <name>versus::ui::LaneCard</name>
    <message>
        <location filename="../../ui/lanecard.cpp" line="+41"/>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>versus::ui::LaneParametersPopover</name>
    <message>
        <location filename="../../ui/laneparameterspopover.cpp" line="+35"/>
        <source>%1 must be a number (it is &quot;%2&quot;).</source>
        <translation>%1 doit être un nombre (valeur saisie&#xa0;: «&#xa0;%2&#xa0;»).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 must be a whole number (it is &quot;%2&quot;).</source>
        <translation>%1 doit être un nombre entier (valeur saisie&#xa0;: «&#xa0;%2&#xa0;»).</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+58"/>
        <source>default</source>
        <translation>par défaut</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Defaults</source>
        <translation>Valeurs par défaut</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Parameters — %1 on %2</source>
        <translation>Paramètres — %1 sur %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>default (0 to 2)</source>
        <translation>par défaut (de 0 à 2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>default (above 0, at most 1)</source>
        <translation>par défaut (supérieur à 0, au plus 1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>default (1 to %1)</source>
        <translation>par défaut (de 1 à %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>default (at least 1)</source>
        <translation>par défaut (au moins 1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Empty: the system prompt set by the composer, if any</source>
        <translation>Vide&#xa0;: le prompt système défini dans la zone de saisie, le cas échéant</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Temperature</source>
        <translation>&amp;Température</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top-&amp;p</source>
        <translation>Top-&amp;p</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Max tokens</source>
        <translation>Jetons &amp;max.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reasoning &amp;effort</source>
        <translation>&amp;Effort de raisonnement</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Service &amp;tier</source>
        <translation>&amp;Niveau de service</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+170"/>
        <source>on</source>
        <translation>activé</translation>
    </message>
    <message>
        <location line="-169"/>
        <location line="+170"/>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <location line="-169"/>
        <source>Parallel tool &amp;calls</source>
        <translation>Appels d’&amp;outils parallèles</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;System prompt</source>
        <translation>Prompt &amp;système</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Empty every field: the provider&apos;s defaults</source>
        <translation>Vider tous les champs&#xa0;: valeurs par défaut du fournisseur</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Temperature</source>
        <translation>Température</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Max tokens</source>
        <translation>Jetons max.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>top-p %1</source>
        <translation>top-p %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>max %1</source>
        <translation>max %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>effort %1</source>
        <translation>effort %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tier %1</source>
        <translation>niveau %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>parallel on</source>
        <translation>parallèle activé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>parallel off</source>
        <translation>parallèle désactivé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>system</source>
        <translation>système</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Temperature: %1</source>
        <translation>Température&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Top-p: %1</source>
        <translation>Top-p&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Max tokens: %1</source>
        <translation>Jetons max.&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reasoning effort: %1</source>
        <translation>Effort de raisonnement&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service tier: %1</source>
        <translation>Niveau de service&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parallel tool calls: %1</source>
        <translation>Appels d’outils parallèles&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>System prompt: %1</source>
        <translation>Prompt système&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>versus::ui::LaneTargetBar</name>
    <message>
        <location filename="../../ui/lanetargetbar.cpp" line="+46"/>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Model id: pick one the provider lists (type to filter), or type any id it serves</source>
        <translation>Identifiant du modèle&#xa0;: choisissez-en un dans la liste du fournisseur (tapez pour filtrer), ou saisissez n’importe quel identifiant qu’il propose</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>model id</source>
        <translation>identifiant du modèle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Temperature, top-p, max tokens, reasoning effort, service tier and system prompt of this lane</source>
        <translation>Température, top-p, jetons max., effort de raisonnement, niveau de service et prompt système de cette colonne</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Close this lane</source>
        <translation>Fermer cette colonne</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Send to this lane only</source>
        <translation>Envoyer à cette colonne seulement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the prompt in the box below to this lane alone</source>
        <translation>Envoyer le prompt saisi ci-dessous à cette colonne seule</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+60"/>
        <source>Focus lane</source>
        <translation>Agrandir la colonne</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Parameters…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tools…</source>
        <translation>Outils…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close lane</source>
        <translation>Fermer la colonne</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>More for this lane: send to it alone, focus it</source>
        <translation>Autres actions pour cette colonne&#xa0;: n’envoyer qu’à elle, l’agrandir</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Show all lanes</source>
        <translation>Afficher toutes les colonnes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show every lane side by side again</source>
        <translation>Afficher de nouveau toutes les colonnes côte à côte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Give this lane the whole width</source>
        <translation>Donner toute la largeur à cette colonne</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Tools</source>
        <translation>Outils</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Function tools, tools the provider runs, and structured output for this lane.</source>
        <translation>Outils de fonction, outils exécutés par le fournisseur et sortie structurée de cette colonne.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n function tool(s) on.</source>
        <translation>
            <numerusform>%n outil de fonction activé.</numerusform>
            <numerusform>%n outils de fonction activés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n tool(s) run by the provider on.</source>
        <translation>
            <numerusform>%n outil exécuté par le fournisseur activé.</numerusform>
            <numerusform>%n outils exécutés par le fournisseur activés.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The answer must follow a JSON Schema.</source>
        <translation>La réponse doit respecter un schéma JSON (JSON Schema).</translation>
    </message>
</context>
<context>
    <name>versus::ui::LaneToolsDialog</name>
    <message>
        <location filename="../../ui/lanetoolsdialog.cpp" line="+65"/>
        <source>Tools and structured output — %1</source>
        <translation>Outils et sortie structurée — %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>[{&quot;type&quot;: &quot;function&quot;, &quot;function&quot;: {&quot;name&quot;: …, &quot;parameters&quot;: {…}},
  &quot;result&quot;: {&quot;mock&quot;: …} | {&quot;builtin&quot;: &quot;calculator&quot;} | {&quot;ask&quot;: true}}]</source>
        <translation>[{&quot;type&quot;:&quot;function&quot;, &quot;function&quot;:{&quot;name&quot;:…, &quot;parameters&quot;:{…}},
  &quot;result&quot;:{&quot;mock&quot;:…} | {&quot;builtin&quot;:&quot;calculator&quot;} | {&quot;ask&quot;:true}}]</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add calculator</source>
        <translation>Ajouter la calculatrice</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add current time</source>
        <translation>Ajouter l’heure actuelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load…</source>
        <translation>Charger…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as…</source>
        <translation>Enregistrer sous…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>auto: the model decides; none: no calls; required: at least one call; a tool&apos;s name: that tool.</source>
        <translation>auto&#xa0;: le modèle décide&#x202f;; none&#xa0;: aucun appel&#x202f;; required&#xa0;: au moins un appel&#x202f;; nom d’un outil&#xa0;: cet outil.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Provider&apos;s default</source>
        <translation>Valeur par défaut du fournisseur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allowed</source>
        <translation>Autorisés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One call at a time</source>
        <translation>Un appel à la fois</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Requests in one turn at most, the first included (every lane of the comparison).</source>
        <translation>Nombre maximal de requêtes dans un tour, la première comprise (pour toutes les colonnes de la comparaison).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tool choice</source>
        <translation>Choix de l’outil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parallel calls</source>
        <translation>Appels parallèles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rounds at most</source>
        <translation>Passes max.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Run by %1 on its servers; its input and output are shown in the trace.</source>
        <translation>Exécuté par %1 sur ses serveurs&#x202f;; ses entrées et sorties apparaissent dans la trace.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Provider&apos;s tools</source>
        <translation>Outils du fournisseur</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Offer the tools of the MCP server %1 to this lane&apos;s model.</source>
        <translation>Proposer les outils du serveur MCP %1 au modèle de cette colonne.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the same for every lane</source>
        <translation>identique pour toutes les colonnes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Turn these servers on and off for the whole comparison.</source>
        <translation>Activer ou désactiver ces serveurs pour toute la comparaison.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MCP servers</source>
        <translation>Serveurs MCP</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A JSON Schema the answer must follow (empty: free text)</source>
        <translation>Un schéma JSON que la réponse doit respecter (vide&#xa0;: texte libre)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Function tools</source>
        <translation>Outils de fonction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OpenAI-style definitions. Each tool&apos;s &quot;result&quot; says who answers a call: {&quot;builtin&quot;: &quot;calculator&quot; | &quot;current_time&quot;}, {&quot;mock&quot;: …} (with {{argument}} templates), or {&quot;ask&quot;: true}, the default: you, in a form under the conversation.</source>
        <translation>Définitions au format OpenAI. Le champ &quot;result&quot; de chaque outil indique qui répond à un appel&#xa0;: {&quot;builtin&quot;&#xa0;: &quot;calculator&quot; | &quot;current_time&quot;}, {&quot;mock&quot;&#xa0;: …} (avec des gabarits {{argument}}), ou {&quot;ask&quot;&#xa0;: true}, le choix par défaut&#xa0;: vous, dans un formulaire sous la conversation.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Structured output</source>
        <translation>Sortie structurée</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Not JSON: %1 at character %2</source>
        <translation>JSON non valide&#xa0;: %1 au caractère %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The schema must be a JSON object.</source>
        <translation>Le schéma doit être un objet JSON.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Load a tools file</source>
        <translation>Charger un fichier d’outils</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>Fichiers JSON (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save the tools file</source>
        <translation>Enregistrer le fichier d’outils</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The lane is answering: stop it or wait, then apply again.</source>
        <translation>La colonne est en train de répondre&#xa0;: arrêtez-la ou attendez, puis appliquez de nouveau.</translation>
    </message>
</context>
<context>
    <name>versus::ui::LaneWidget</name>
    <message>
        <location filename="../../ui/lanewidget.cpp" line="+123"/>
        <source>Regenerating failed: the previous answer is kept</source>
        <translation>La régénération a échoué&#xa0;: la réponse précédente est conservée</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Not sent: %1 on %2 cannot see images, so this lane skipped the last prompt.</source>
        <translation>Non envoyé&#xa0;: %1 sur %2 ne prend pas en charge les images&#x202f;; cette colonne n’a donc pas reçu le dernier prompt.</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>This lane asks %1: pick or type one of its models in the box above, then write a prompt below and send it.</source>
        <translation>Cette colonne interroge %1&#xa0;: choisissez ou saisissez l’un de ses modèles dans le champ ci-dessus, puis écrivez un prompt ci-dessous et envoyez-le.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write a prompt below and send it: it goes to every lane at once.

This lane asks %1 on %2.</source>
        <translation>Écrivez un prompt ci-dessous et envoyez-le&#xa0;: il part vers toutes les colonnes à la fois.

Cette colonne interroge %1 sur %2.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Stop the running answers to edit a prompt</source>
        <translation>Arrêtez les réponses en cours pour modifier un prompt</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Looking up the key…</source>
        <translation>Recherche de la clé…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 — retry %2 in %3 s</source>
        <translation>%1 — nouvel essai %2 dans %3&#xa0;s</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Round %1 of the tool loop…</source>
        <translation>Passe %1 de la boucle d’outils…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Waiting for your tool result</source>
        <translation>En attente de votre résultat d’outil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The model called a tool that asks you: answer it under the conversation.</source>
        <translation>Le modèle a appelé un outil qui attend votre réponse&#xa0;: répondez sous la conversation.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Not sent: no key for %1.</source>
        <translation>Non envoyé&#xa0;: aucune clé pour %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not sent: the key for %1 cannot be read.</source>
        <translation>Non envoyé&#xa0;: la clé de %1 est illisible.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../ui/lanewidgetnotes.cpp" line="+76"/>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Send this turn again once the key is stored</source>
        <translation>Renvoyer ce tour une fois la clé enregistrée</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>Not sent</source>
        <translation>Non envoyé</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Choose a model</source>
        <translation>Choisissez un modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the id of one of %1&apos;s models in the box at the top of this lane.</source>
        <translation>Saisissez l’identifiant de l’un des modèles de %1 dans le champ en haut de cette colonne.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stopped at the tool-round limit</source>
        <translation>Arrêté à la limite de passes d’outils</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Interrupted</source>
        <translation>Interrompu</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Answered by %1</source>
        <translation>Réponse fournie par %1</translation>
    </message>
    <message>
        <location filename="../../ui/lanewidgetcontinue.cpp" line="+21"/>
        <source>Every lane&apos;s next prompts are sent with this answer in place of its own</source>
        <translation>Les prochains prompts de chaque colonne sont envoyés avec cette réponse à la place de la sienne</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Continue from this lane&apos;s answer</source>
        <translation>Poursuivre à partir de la réponse de cette colonne</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From the next prompt on, every lane is sent this lane&apos;s answer to the last prompt as if it were its own</source>
        <translation>À partir du prochain prompt, chaque colonne reçoit la réponse de cette colonne au dernier prompt comme si c’était la sienne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep lanes separate</source>
        <translation>Garder les colonnes séparées</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each lane goes on from its own answers (the default)</source>
        <translation>Chaque colonne poursuit à partir de ses propres réponses (par défaut)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Continues from Lane %1&apos;s answer</source>
        <translation>Poursuit à partir de la réponse de la colonne %1</translation>
    </message>
    <message>
        <location filename="../../ui/lanewidgetnotes.cpp" line="-57"/>
        <source>Tools: %1</source>
        <translation>Outils&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Structured output: ✓ valid</source>
        <translation>Sortie structurée&#xa0;: ✓ valide</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Structured output: ✗ invalid</source>
        <translation>Sortie structurée&#xa0;: ✗ non valide</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No key for %1</source>
        <translation>Aucune clé pour %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This lane needs a %1 API key. Add one (it is kept in the system keychain), or set %2 before starting Versus.</source>
        <translation>Cette colonne a besoin d’une clé d’API %1. Ajoutez-en une (elle est conservée dans le trousseau du système), ou définissez %2 avant de lancer Versus.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add key…</source>
        <translation>Ajouter une clé…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The key for %1 cannot be read</source>
        <translation>La clé de %1 est illisible</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+19"/>
        <source>Open Providers &amp;&amp; Keys</source>
        <translation>Ouvrir Fournisseurs et clés</translation>
    </message>
    <message>
        <location line="-9"/>
        <source> (HTTP %1)</source>
        <translation> (HTTP %1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The provider&apos;s own words are shown once you have voted.</source>
        <translation>Le message d’origine du fournisseur s’affiche une fois que vous avez voté.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send this turn again to this lane: the new answer replaces the failed one</source>
        <translation>Renvoyer ce tour à cette colonne&#xa0;: la nouvelle réponse remplace celle qui a échoué</translation>
    </message>
</context>
<context>
    <name>versus::ui::LeaderboardView</name>
    <message>
        <location filename="../../ui/leaderboardview.cpp" line="+40"/>
        <source>Leaderboard — Versus</source>
        <translation>Classement — Versus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All time</source>
        <translation>Toute la période</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Count only the turns with this tag (tags are typed beside the vote)</source>
        <translation>Ne compter que les tours portant cette étiquette (les étiquettes se saisissent à côté du vote)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>#</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rating (95% CI)</source>
        <translation>Score (IC à 95&#xa0;%)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Votes</source>
        <translation>Votes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wins</source>
        <translation>Victoires</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Losses</source>
        <translation>Défaites</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ties</source>
        <translation>Égalités</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All bad</source>
        <translation>Toutes mauvaises</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Confidence</source>
        <translation>Fiabilité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bradley–Terry rating on an Elo-like scale (1000 = the reference; 400 points = 10:1 odds), ± half its 95% confidence interval. A best vote counts as a win over every other lane of the turn, a tie as half a win each way; &quot;all bad&quot; is counted but is no win for anyone.</source>
        <translation>Score de Bradley–Terry sur une échelle de type Elo (1&#x202f;000 = la référence&#x202f;; 400 points = une cote de 10 contre 1), ± la moitié de son intervalle de confiance à 95&#xa0;%. Un vote «&#xa0;meilleure réponse&#xa0;» compte comme une victoire sur chacune des autres colonnes du tour, une égalité comme une demi-victoire de part et d’autre&#x202f;; «&#xa0;toutes mauvaises&#xa0;» est compté mais n’est une victoire pour personne.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Period:</source>
        <translation>&amp;Période&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Tag:</source>
        <translation>É&amp;tiquette&#xa0;:</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Any tag</source>
        <translation>Toutes les étiquettes</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>There is no history, so there are no votes to count.</source>
        <translation>Pas d’historique&#xa0;: aucun vote à compter.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The votes could not be read from the history: %1</source>
        <translation>Impossible de lire les votes dans l’historique&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 ± %2</source>
        <translation>%1 ± %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>95% confidence interval: %1 to %2</source>
        <translation>Intervalle de confiance à 95&#xa0;%&#xa0;: de %1 à %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>few votes</source>
        <translation>peu de votes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fewer than %1 votes: not a verdict yet</source>
        <translation>Moins de %1 votes&#xa0;: pas encore de verdict</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No votes yet. After a comparison, say which answer is best in the bar above the prompt.</source>
        <translation>Aucun vote pour l’instant. Après une comparaison, indiquez la meilleure réponse dans la barre au-dessus du prompt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No votes match these filters.</source>
        <translation>Aucun vote ne correspond à ces filtres.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n vote(s) counted. Bradley–Terry ratings; ± is half the 95% confidence interval (from the Fisher information). A best vote is a win over every other lane of its turn, a tie half a win each way; &quot;all bad&quot; is counted but is no win for anyone.</source>
        <translation>
            <numerusform>%n vote compté. Scores de Bradley–Terry&#x202f;; ± correspond à la moitié de l’intervalle de confiance à 95&#xa0;% (d’après l’information de Fisher). Un vote «&#xa0;meilleure réponse&#xa0;» est une victoire sur chacune des autres colonnes de son tour, une égalité une demi-victoire de part et d’autre&#x202f;; «&#xa0;toutes mauvaises&#xa0;» est compté mais n’est une victoire pour personne.</numerusform>
            <numerusform>%n votes comptés. Scores de Bradley–Terry&#x202f;; ± correspond à la moitié de l’intervalle de confiance à 95&#xa0;% (d’après l’information de Fisher). Un vote «&#xa0;meilleure réponse&#xa0;» est une victoire sur chacune des autres colonnes de son tour, une égalité une demi-victoire de part et d’autre&#x202f;; «&#xa0;toutes mauvaises&#xa0;» est compté mais n’est une victoire pour personne.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>versus::ui::LiveWorkspace</name>
    <message>
        <location filename="../../ui/liveworkspace.cpp" line="+42"/>
        <source>Synchronise scrolling</source>
        <translation>Synchroniser le défilement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diff answers…</source>
        <translation>Comparer les réponses…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scrolling one lane scrolls the others to the same turn</source>
        <translation>Faire défiler une colonne fait défiler les autres jusqu’au même tour</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Two lanes&apos; answers to a turn side by side, word by word</source>
        <translation>Les réponses de deux colonnes à un même tour, côte à côte, mot à mot</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Compare with…</source>
        <translation>Comparer avec…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This lane&apos;s answer beside another lane&apos;s, word by word</source>
        <translation>La réponse de cette colonne à côté de celle d’une autre, mot à mot</translation>
    </message>
</context>
<context>
    <name>versus::ui::MainWindow</name>
    <message>
        <location filename="../../ui/conversationexporter.cpp" line="+19"/>
        <source>conversation</source>
        <translation>conversation</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The conversation cannot be read: %1</source>
        <translation>Impossible de lire la conversation&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export conversation</source>
        <translation>Exporter la conversation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The export could not be written to %1: %2</source>
        <translation>Impossible d’écrire l’export dans %1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../../ui/estimatesummary.cpp" line="+27"/>
        <source>%1: no price</source>
        <translation>%1&#xa0;: sans tarif</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: %2 – %3 (prompt ~%4 tokens%5)</source>
        <translation>%1&#xa0;: %2 – %3 (prompt ~%4 jetons%5)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no upper bound</source>
        <translation>sans plafond</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, up to %1 output tokens</source>
        <translation>, jusqu’à %1 jetons de sortie</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>no price for %n lane(s)</source>
        <translation>
            <numerusform>%n colonne sans tarif</numerusform>
            <numerusform>%n colonnes sans tarif</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>≈ %1–%2</source>
        <translation>≈ %1–%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>≈ %1 or more</source>
        <translation>≈ %1 ou plus</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Before sending: the low end bills the estimated prompt (this lane&apos;s conversation included) at the input price with no output; the high end adds as many output tokens as the model may write. Cached prompt tokens can make the real cost lower.</source>
        <translation>Avant l’envoi&#xa0;: la borne basse facture le prompt estimé (conversation de cette colonne comprise) au tarif d’entrée, sans sortie&#x202f;; la borne haute y ajoute autant de jetons de sortie que le modèle peut en écrire. Les jetons de prompt en cache peuvent rendre le coût réel plus faible.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Estimated cost: %1</source>
        <translation>Coût estimé&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../ui/historymessages.cpp" line="+19"/>
        <source>The disk is full: the conversation cannot be saved.</source>
        <translation>Le disque est plein&#xa0;: la conversation ne peut pas être enregistrée.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The history file cannot be written (read-only folder or file, or missing permissions).</source>
        <translation>Le fichier d’historique ne peut pas être écrit (dossier ou fichier en lecture seule, ou permissions manquantes).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The conversation cannot be saved.</source>
        <translation>La conversation ne peut pas être enregistrée.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing was sent; your prompt is still in the box below. Free some space or fix the permissions of %1, then send again — or send without saving.</source>
        <translation>Rien n’a été envoyé&#x202f;; votre prompt est toujours dans la zone ci-dessous. Libérez de l’espace ou corrigez les permissions de %1, puis renvoyez-le — ou envoyez sans enregistrer.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The answers on screen are complete; what was not saved is missing from the history (%1).</source>
        <translation>Les réponses affichées sont complètes&#x202f;; ce qui n’a pas été enregistré manque dans l’historique (%1).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The history cannot be opened, so conversations will not be saved: %1 (%2)</source>
        <translation>L’historique ne peut pas être ouvert, les conversations ne seront donc pas enregistrées&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The history file was damaged (%1). It was moved to %2 and a new one was started; nothing in it was deleted.</source>
        <translation>Le fichier d’historique était endommagé (%1). Il a été déplacé vers %2 et un nouveau fichier a été créé&#x202f;; rien de son contenu n’a été supprimé.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="+57"/>
        <location line="+69"/>
        <source>Versus</source>
        <translation>Versus</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 — Versus</source>
        <translation>%1 — Versus</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>A comparison has at most %1 lanes.</source>
        <translation>Une comparaison compte au plus %1 colonnes.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 on %2 cannot see images: this lane will be skipped when you send.</source>
        <translation>%1 sur %2 ne prend pas en charge les images&#xa0;: cette colonne sera ignorée à l’envoi.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>This lane&apos;s model cannot see images. Choose a model with the V badge, or remove the images.</source>
        <translation>Le modèle de cette colonne ne prend pas en charge les images. Choisissez un modèle marqué du badge V, ou retirez les images.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No lane&apos;s model can see images. Choose a model with the V badge, or remove the images.</source>
        <translation>Aucun des modèles des colonnes ne prend en charge les images. Choisissez un modèle marqué du badge V, ou retirez les images.</translation>
    </message>
    <message>
        <location line="+73"/>
        <location filename="../../ui/mainwindowscoreboard.cpp" line="+40"/>
        <source>Exported to %1</source>
        <translation>Exporté vers %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Stop the running answers (Esc) before deleting this conversation.</source>
        <translation>Arrêtez les réponses en cours (Échap) avant de supprimer cette conversation.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The conversation could not be deleted: %1</source>
        <translation>La conversation n’a pas pu être supprimée&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stop the running answers (Esc) before opening another conversation.</source>
        <translation>Arrêtez les réponses en cours (Échap) avant d’ouvrir une autre conversation.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The conversation cannot be opened: %1</source>
        <translation>Impossible d’ouvrir la conversation&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Send without saving</source>
        <translation>Envoyer sans enregistrer</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowscoreboard.cpp" line="-3"/>
        <source>Export scoreboard</source>
        <translation>Exporter le tableau des scores</translation>
    </message>
    <message>
        <location filename="../../ui/windowactions.cpp" line="+41"/>
        <source>Add lane</source>
        <translation>Ajouter une colonne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a lane to compare one more provider or model</source>
        <translation>Ajouter une colonne pour comparer un fournisseur ou un modèle de plus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New comparison</source>
        <translation>Nouvelle comparaison</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start over: empty every lane&apos;s conversation</source>
        <translation>Recommencer&#xa0;: vider la conversation de chaque colonne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send to all lanes</source>
        <translation>Envoyer à toutes les colonnes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the prompt to every lane</source>
        <translation>Envoyer le prompt à toutes les colonnes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop all</source>
        <translation>Tout arrêter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop every lane; partial answers stay</source>
        <translation>Arrêter toutes les colonnes&#x202f;; les réponses partielles sont conservées</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Regenerate</source>
        <translation>Régénérer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the last prompt again to every lane: the new answers replace the last ones, in the window and in the history</source>
        <translation>Renvoyer le dernier prompt à toutes les colonnes&#xa0;: les nouvelles réponses remplacent les précédentes, dans la fenêtre et dans l’historique</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Providers &amp;&amp; Keys…</source>
        <translation>Fournisseurs et clés…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API keys for each provider, kept in the system keychain</source>
        <translation>Les clés d’API de chaque fournisseur, conservées dans le trousseau du système</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MCP servers…</source>
        <translation>Serveurs MCP…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The MCP servers that give the models tools, and their tools</source>
        <translation>Les serveurs MCP qui fournissent des outils aux modèles, et leurs outils</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send key, theme, language, history location and proxy</source>
        <translation>Touche d’envoi, thème, langue, emplacement de l’historique et proxy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Custom endpoints…</source>
        <translation>Points d’accès personnalisés…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OpenAI-compatible services of your own: proxies, gateways, servers</source>
        <translation>Vos propres services compatibles OpenAI&#xa0;: proxys, passerelles, serveurs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prices…</source>
        <translation>Tarifs…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The price of every model, and your own prices where they differ</source>
        <translation>Le tarif de chaque modèle, et vos propres tarifs là où ils diffèrent</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Welcome</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What Versus does, and the model servers running on this machine</source>
        <translation>Ce que fait Versus, et les serveurs de modèles qui tournent sur cet ordinateur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Metrics…</source>
        <translation>Métriques…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How every figure is measured or estimated</source>
        <translation>Comment chaque valeur est mesurée ou estimée</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/windowdialogs.cpp" line="+102"/>
        <source>About Versus</source>
        <translation>À propos de Versus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version and license</source>
        <translation>Version et licence</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every keyboard shortcut of the window</source>
        <translation>Tous les raccourcis clavier de la fenêtre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit Versus</source>
        <translation>Quitter Versus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search conversations</source>
        <translation>Rechercher dans les conversations</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find words in any prompt or answer of the saved conversations</source>
        <translation>Trouver des mots dans les prompts et les réponses des conversations enregistrées</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show or hide the saved conversations</source>
        <translation>Afficher ou masquer les conversations enregistrées</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export as Markdown…</source>
        <translation>Exporter en Markdown…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write this conversation to a Markdown file</source>
        <translation>Enregistrer cette conversation dans un fichier Markdown</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export as JSON…</source>
        <translation>Exporter en JSON…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write this conversation to a JSON file</source>
        <translation>Enregistrer cette conversation dans un fichier JSON</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Attach image…</source>
        <translation>Joindre une image…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attach PNG, JPEG, WebP or GIF images to the prompt (or paste or drop them)</source>
        <translation>Joindre des images PNG, JPEG, WebP ou GIF au prompt (ou les coller, ou les déposer)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Focus lane / Show all lanes</source>
        <translation>Agrandir la colonne / Afficher toutes les colonnes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the lane that has the focus the whole width, or show every lane again</source>
        <translation>Donner toute la largeur à la colonne active, ou afficher de nouveau toutes les colonnes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scoreboard</source>
        <translation>Tableau des scores</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show or hide the scoreboard: every lane&apos;s figures side by side, best values marked</source>
        <translation>Afficher ou masquer le tableau des scores&#xa0;: les valeurs de chaque colonne côte à côte, les meilleures mises en évidence</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Go to the prompt</source>
        <translation>Aller au prompt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the focus to the prompt box</source>
        <translation>Placer le curseur dans la zone du prompt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blind mode</source>
        <translation>Mode à l’aveugle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hide provider and model names, in a shuffled order, until you vote</source>
        <translation>Masquer les noms des fournisseurs et des modèles, dans un ordre mélangé, jusqu’à votre vote</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Leaderboard</source>
        <translation>Classement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Models ranked by your votes across every comparison</source>
        <translation>Les modèles classés selon vos votes, toutes comparaisons confondues</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Benchmark…</source>
        <translation>Benchmark…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Measure providers on your prompts: many requests, their speed, errors and cost</source>
        <translation>Mesurer les fournisseurs sur vos prompts&#xa0;: de nombreuses requêtes, leur vitesse, leurs erreurs et leur coût</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Merge answers…</source>
        <translation>Fusionner les réponses…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Have a model merge the answers to the last prompt into one</source>
        <translation>Demander à un modèle de fusionner en une seule les réponses au dernier prompt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Judge answers…</source>
        <translation>Juger les réponses…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Have a model score the answers to the last prompt against a rubric</source>
        <translation>Demander à un modèle de noter les réponses au dernier prompt selon une grille d’évaluation</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Go to lane %1</source>
        <translation>Aller à la colonne %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Comparison</source>
        <translation>&amp;Comparaison</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Main</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <location filename="../../ui/windowdialogs.cpp" line="-35"/>
        <source>Metrics</source>
        <translation>Métriques</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How Versus measures</source>
        <translation>Comment Versus effectue ses mesures</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All times come from one monotonic clock; t0 is when the request is handed to the network. Figures the provider reports are shown beside Versus&apos; own measurements, never instead of them. A &quot;~&quot; marks a figure computed from estimated token counts.</source>
        <translation>Toutes les durées proviennent d’une même horloge monotone&#x202f;; t0 est l’instant où la requête est remise au réseau. Les valeurs indiquées par le fournisseur sont affichées à côté des mesures de Versus, jamais à leur place. Un «&#xa0;~&#xa0;» signale une valeur calculée à partir de nombres de jetons estimés.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Source: %1</source>
        <translation>Source&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Versus %1

Compare LLM API providers side by side: one prompt to several models at once, with live speed, token counts and cost. API keys stay in the system keychain.

License: GNU GPL version 3 or later.</source>
        <translation>Versus %1

Comparez les fournisseurs d’API de LLM côte à côte&#xa0;: un même prompt envoyé à plusieurs modèles à la fois, avec la vitesse en direct, le nombre de jetons et le coût. Les clés d’API restent dans le trousseau du système.

Licence&#xa0;: GNU GPL version 3 ou ultérieure.</translation>
    </message>
</context>
<context>
    <name>versus::ui::McpServerEditor</name>
    <message>
        <location filename="../../ui/settings/mcpservereditor.cpp" line="+81"/>
        <source>Add MCP server</source>
        <translation>Ajouter un serveur MCP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit MCP server — %1</source>
        <translation>Modifier le serveur MCP — %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. files</source>
        <translation>p. ex. fichiers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>stdio (a program Versus starts)</source>
        <translation>stdio (un programme lancé par Versus)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP (Streamable HTTP endpoint)</source>
        <translation>HTTP (point d’accès Streamable HTTP)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. npx or /usr/local/bin/my-server</source>
        <translation>p. ex. npx ou /usr/local/bin/my-server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>one argument per line, as it is (no quotes needed)</source>
        <translation>un argument par ligne, tel quel (sans guillemets)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>KEY=VALUE, one per line</source>
        <translation>CLÉ=VALEUR, une par ligne</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>empty: Versus&apos;s own working folder</source>
        <translation>vide&#xa0;: le dossier de travail de Versus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>https://example.com/mcp</source>
        <translation>https://example.com/mcp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name: value, one per line</source>
        <translation>Nom&#xa0;: valeur, un par ligne</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>read from the keychain; type to replace it</source>
        <translation>lu depuis le trousseau&#x202f;; saisissez-en un autre pour le remplacer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optional; kept in the system keychain</source>
        <translation>facultatif&#x202f;; conservé dans le trousseau du système</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent as &quot;Authorization: Bearer …&quot;. Saved in the system keychain as &quot;%1&quot;, never in the configuration file.</source>
        <translation>Envoyé dans l’en-tête Authorization (Bearer …). Enregistré dans le trousseau du système sous «&#xa0;%1&#xa0;», jamais dans le fichier de configuration.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;name&gt;</source>
        <translation>&lt;name&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the stored token</source>
        <translation>Supprimer le jeton enregistré</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start this server with Versus</source>
        <translation>Démarrer ce serveur avec Versus</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How long a request to the server may take</source>
        <translation>Durée maximale d’une requête au serveur</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transport:</source>
        <translation>Transport&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Command:</source>
        <translation>Commande&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arguments
(one per line):</source>
        <translation>Arguments
(un par ligne)&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Environment:</source>
        <translation>Environnement&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working folder:</source>
        <translation>Dossier de travail&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>URL:</source>
        <translation>URL&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headers:</source>
        <translation>En-têtes&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bearer token:</source>
        <translation>Jeton Bearer&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Timeout:</source>
        <translation>Délai d’expiration&#xa0;:</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Give the server a name.</source>
        <translation>Donnez un nom au serveur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is already a server named &quot;%1&quot;.</source>
        <translation>Il existe déjà un serveur nommé «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the command that starts the server.</source>
        <translation>Saisissez la commande qui démarre le serveur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Environment line &quot;%1&quot; is not KEY=VALUE.</source>
        <translation>La ligne d’environnement «&#xa0;%1&#xa0;» n’est pas de la forme CLÉ=VALEUR.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter the server&apos;s URL.</source>
        <translation>Saisissez l’URL du serveur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The URL must be an http:// or https:// address.</source>
        <translation>L’URL doit être une adresse http:// ou https://.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Header line &quot;%1&quot; is not &quot;Name: value&quot;.</source>
        <translation>La ligne d’en-tête «&#xa0;%1&#xa0;» n’est pas de la forme «&#xa0;Nom&#xa0;: valeur&#xa0;».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Header &quot;%1&quot;: ${…} placeholders are not supported; put a bearer token in the token field.</source>
        <translation>En-tête «&#xa0;%1&#xa0;»&#xa0;: les variables ${…} ne sont pas prises en charge&#x202f;; saisissez plutôt le jeton dans le champ Jeton Bearer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use either the bearer token field or an Authorization header, not both.</source>
        <translation>Utilisez soit le champ Jeton Bearer, soit un en-tête Authorization, mais pas les deux.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bearer token: %1</source>
        <translation>Jeton Bearer&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type a new token or remove the stored one, not both.</source>
        <translation>Saisissez un nouveau jeton ou supprimez celui qui est enregistré, mais pas les deux.</translation>
    </message>
</context>
<context>
    <name>versus::ui::McpServersPage</name>
    <message>
        <location filename="../../ui/settings/mcpserverchanges.cpp" line="+76"/>
        <source>Saved &quot;%1&quot;; the servers were started again with the new configuration.</source>
        <translation>Serveur «&#xa0;%1&#xa0;» enregistré&#x202f;; les serveurs ont été redémarrés avec la nouvelle configuration.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The token could not be saved in the system keychain: %1</source>
        <translation>Impossible d’enregistrer le jeton dans le trousseau du système&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The bearer token could not be moved to &quot;%1&quot;: %2 Enter it again.</source>
        <translation>Impossible de déplacer le jeton Bearer vers «&#xa0;%1&#xa0;»&#xa0;: %2 Saisissez-le à nouveau.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The keychain entry &quot;%1&quot; could not be removed: %2</source>
        <translation>Impossible de supprimer l’entrée «&#xa0;%1&#xa0;» du trousseau&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Remove the MCP server &quot;%1&quot; from %2?</source>
        <translation>Retirer le serveur MCP «&#xa0;%1&#xa0;» de %2&#x202f;?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its bearer token is removed from the system keychain too.</source>
        <translation>Son jeton Bearer sera aussi supprimé du trousseau du système.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove MCP server</source>
        <translation>Retirer le serveur MCP</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Removed &quot;%1&quot;.</source>
        <translation>Serveur «&#xa0;%1&#xa0;» retiré.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+42"/>
        <source>Not saved: %1</source>
        <translation>Non enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of %2 is now called without asking.</source>
        <translation>L’outil %1 de %2 est désormais appelé sans confirmation.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 now asks before each call.</source>
        <translation>L’outil %1 de %2 demande désormais confirmation avant chaque appel.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the folder %1 could not be created</source>
        <translation>le dossier %1 n’a pas pu être créé</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+3"/>
        <source>%1 could not be written: %2</source>
        <translation>%1 n’a pas pu être écrit&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../../ui/settings/mcpserverspage.cpp" line="+88"/>
        <source>MCP servers give the models tools to call. They are kept in %1 (the format Claude Desktop and Cursor use); bearer tokens stay in the system keychain.</source>
        <translation>Les serveurs MCP donnent aux modèles des outils à appeler. Ils sont définis dans %1 (le format qu’utilisent Claude Desktop et Cursor)&#x202f;; les jetons Bearer restent dans le trousseau du système.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tools</source>
        <translation>Outils</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add an MCP server</source>
        <translation>Ajouter un serveur MCP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change the selected server</source>
        <translation>Modifier le serveur sélectionné</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove…</source>
        <translation>Retirer…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove the selected server</source>
        <translation>Retirer le serveur sélectionné</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start the selected server</source>
        <translation>Démarrer le serveur sélectionné</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop the selected server</source>
        <translation>Arrêter le serveur sélectionné</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test</source>
        <translation>Tester</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start the selected server afresh and show what it offers</source>
        <translation>Redémarrer le serveur sélectionné et afficher ce qu’il propose</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Last lines on its standard error:</source>
        <translation>Dernières lignes de sa sortie d’erreur&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The last lines the server wrote to its standard error</source>
        <translation>Les dernières lignes écrites par le serveur sur sa sortie d’erreur standard</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tool</source>
        <translation>Outil</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Always allow</source>
        <translation>Toujours autoriser</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Input schema of the selected tool</source>
        <translation>Schéma d’entrée de l’outil sélectionné</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>The MCP configuration could not be read, so it cannot be changed here: %1. Fix or move the file, then open this page again.</source>
        <translation>La configuration MCP n’a pas pu être lue&#x202f;; elle ne peut donc pas être modifiée ici&#xa0;: %1. Corrigez ou déplacez le fichier, puis rouvrez cette page.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>stdio</source>
        <translation>stdio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (disabled)</source>
        <translation>%1 (désactivé)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No MCP servers yet. Add one with its command (stdio) or its URL (HTTP).</source>
        <translation>Aucun serveur MCP pour l’instant. Ajoutez-en un avec sa commande (stdio) ou son URL (HTTP).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Server:</source>
        <translation>Serveur&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State:</source>
        <translation>État&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Command:</source>
        <translation>Commande&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>URL:</source>
        <translation>URL&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> (bearer token from the keychain)</source>
        <translation> (jeton Bearer issu du trousseau)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Protocol:</source>
        <translation>Protocole&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reports itself as:</source>
        <translation>Se présente comme&#xa0;:</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Always allow %1</source>
        <translation>Toujours autoriser %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call %1 without asking each time</source>
        <translation>Appeler %1 sans demander à chaque fois</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No tools: the server is not running.</source>
        <translation>Aucun outil&#xa0;: le serveur n’est pas démarré.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server offers no tools.</source>
        <translation>Le serveur ne propose aucun outil.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Test passed: %1; protocol version %2.</source>
        <translation>Test réussi&#xa0;: %1&#x202f;; version du protocole %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tools: %1.</source>
        <translation>Outils&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test failed: %1</source>
        <translation>Échec du test&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Testing %1…</source>
        <translation>Test de %1 en cours…</translation>
    </message>
</context>
<context>
    <name>versus::ui::MergePanel</name>
    <message>
        <location filename="../../ui/mergepanel.cpp" line="+27"/>
        <source>Merge</source>
        <translation>Fusionner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The model that writes the merged answer</source>
        <translation>Le modèle qui rédige la réponse fusionnée</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Merged answer&lt;/b&gt;</source>
        <translation>&lt;b&gt;Réponse fusionnée&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What the model is asked to do with the answers. They are shown to it as Answer A, Answer B, …, never by provider or model.</source>
        <translation>Ce que le modèle doit faire des réponses. Celles-ci lui sont présentées comme Answer A, Answer B, …, jamais sous le nom du fournisseur ou du modèle.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send the last prompt&apos;s answers to this model to merge them into one</source>
        <translation>Envoyer à ce modèle les réponses au dernier prompt pour qu’il les fusionne en une seule</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Nothing to merge yet</source>
        <translation>Rien à fusionner pour l’instant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send a prompt and let the lanes answer it first: the answers to the last prompt are what is merged.</source>
        <translation>Envoyez d’abord un prompt et laissez les colonnes y répondre&#xa0;: ce sont les réponses au dernier prompt qui sont fusionnées.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Merging…</source>
        <translation>Fusion en cours…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Interrupted</source>
        <translation>Interrompu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> (HTTP %1)</source>
        <translation> (HTTP %1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Merge the answers again</source>
        <translation>Fusionner de nouveau les réponses</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Answers to: %1</source>
        <translation>Réponses à&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No answers to merge yet.</source>
        <translation>Aucune réponse à fusionner pour l’instant.</translation>
    </message>
</context>
<context>
    <name>versus::ui::MessageBar</name>
    <message>
        <location filename="../../ui/messagebar.cpp" line="+42"/>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>versus::ui::MetricsFooter</name>
    <message>
        <location filename="../../ui/metricsfooter.cpp" line="+96"/>
        <source>%1 ms</source>
        <translation>%1&#xa0;ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>%1 s</source>
        <translation>%1&#xa0;s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 tok/s</source>
        <translation>%1&#xa0;tok/s</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No answer yet</source>
        <translation>Pas encore de réponse</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+22"/>
        <source>TTFT %1</source>
        <translation>TTFT %1</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Streaming…</source>
        <translation>Réception…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waiting…</source>
        <translation>En attente…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 elapsed</source>
        <translation>%1 écoulées</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>~%Ln token(s)</source>
        <translation>
            <numerusform>~%Ln jeton</numerusform>
            <numerusform>~%Ln jetons</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>answer after %1</source>
        <translation>réponse après %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The completion count was estimated.</source>
        <translation>Le nombre de jetons de sortie a été estimé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e2e %1</source>
        <translation>total %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1%2 → %3 tokens</source>
        <translation>%1%2 → %3 jetons</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 reasoning</source>
        <translation>%1 de raisonnement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 cached</source>
        <translation>%1 en cache</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 written to cache</source>
        <translation>%1 écrits en cache</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Prompt → completion tokens as the provider reported them in its usage. Completion includes reasoning; cached prompt tokens were served from the provider&apos;s cache.
Source: reported by the provider</source>
        <translation>Jetons du prompt → jetons de sortie, tels que le fournisseur les indique dans son décompte (usage). La sortie inclut le raisonnement&#x202f;; les jetons du prompt mis en cache ont été servis par le cache du fournisseur.
Source&#xa0;: valeur indiquée par le fournisseur</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Input %1, cached input %2, output %3 (reasoning included)</source>
        <translation>Entrée %1, entrée en cache %2, sortie %3 (raisonnement inclus)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cache writes %1</source>
        <translation>Écritures en cache %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Price tier: %1</source>
        <translation>Palier tarifaire&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prices: %1, as of %2</source>
        <translation>Tarifs&#xa0;: %1, au %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Token counts were estimated: so is the cost.</source>
        <translation>Les nombres de jetons ont été estimés&#xa0;: le coût l’est donc aussi.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The price catalog has no price for this model, so no cost is shown. Add one to your pricing.json override file.</source>
        <translation>Le catalogue de tarifs n’a pas de tarif pour ce modèle&#xa0;: aucun coût n’est donc affiché. Ajoutez-en un à votre fichier de tarifs personnalisés pricing.json.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no price</source>
        <translation>sans tarif</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reported: $%1</source>
        <translation>Montant indiqué&#xa0;: %1&#xa0;$</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This conversation: %1</source>
        <translation>Cette conversation&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>server %1</source>
        <translation>serveur %1</translation>
    </message>
    <message>
        <location filename="../../ui/metricsfooterlane.cpp" line="+19"/>
        <source>%1k</source>
        <translation>%1&#xa0;k</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1M</source>
        <translation>%1&#xa0;M</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>lane %1</source>
        <translation>colonne %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>What this lane&apos;s conversation cost in all: %n answer(s), this one included.</source>
        <translation>
            <numerusform>Coût total de la conversation de cette colonne&#xa0;: %n réponse, celle-ci comprise.</numerusform>
            <numerusform>Coût total de la conversation de cette colonne&#xa0;: %n réponses, celle-ci comprise.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 req</source>
        <translation>%1&#xa0;req.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2 requests left</source>
        <translation>requêtes restantes&#xa0;: %1 sur %2</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln request(s) left</source>
        <translation>
            <numerusform>%Ln requête restante</numerusform>
            <numerusform>%Ln requêtes restantes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%Ln token(s) left</source>
        <translation>
            <numerusform>%Ln jeton restant</numerusform>
            <numerusform>%Ln jetons restants</numerusform>
        </translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+9"/>
        <source>(reset in %1)</source>
        <translation>(réinitialisation dans %1)</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>%1 tok</source>
        <translation>%1&#xa0;tok</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2 tokens left</source>
        <translation>jetons restants&#xa0;: %1 sur %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 left</source>
        <translation>restant&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The provider&apos;s rate limit, as its last answer&apos;s headers said:</source>
        <translation>La limite de débit du fournisseur, d’après les en-têtes de sa dernière réponse&#xa0;:</translation>
    </message>
</context>
<context>
    <name>versus::ui::ModelListSource</name>
    <message>
        <location filename="../../ui/modellistsource.cpp" line="+81"/>
        <source>No key for %1: the catalog&apos;s models are shown.</source>
        <translation>Aucune clé pour %1&#xa0;: les modèles du catalogue sont affichés.</translation>
    </message>
</context>
<context>
    <name>versus::ui::ModelPicker</name>
    <message>
        <location filename="../../ui/modelpicker.cpp" line="+41"/>
        <source>Can do: %1.</source>
        <translation>Prend en charge&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot do: %1.</source>
        <translation>Ne prend pas en charge&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Per million tokens, input / output (the price table Versus charges with)</source>
        <translation>Par million de jetons, entrée / sortie (les tarifs avec lesquels Versus calcule le coût)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per million tokens, input / output, as %1&apos;s model list states it</source>
        <translation>Par million de jetons, entrée / sortie, selon la liste de modèles de %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No price known for this model</source>
        <translation>Aucun tarif connu pour ce modèle</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>type a model id</source>
        <translation>saisissez un identifiant de modèle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>model id</source>
        <translation>identifiant du modèle</translation>
    </message>
</context>
<context>
    <name>versus::ui::ModelSetsMenu</name>
    <message>
        <location filename="../../ui/modelsetsmenu.cpp" line="+24"/>
        <source>&amp;Model sets</source>
        <translation>&amp;Jeux de modèles</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name of the set:</source>
        <translation>Nom du jeu&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete model set</source>
        <translation>Supprimer le jeu de modèles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the model set &quot;%1&quot;? The conversations it was used in stay.</source>
        <translation>Supprimer le jeu de modèles «&#xa0;%1&#xa0;»&#x202f;? Les conversations dans lesquelles il a servi sont conservées.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+145"/>
        <source>Model sets</source>
        <translation>Jeux de modèles</translation>
    </message>
    <message>
        <location line="-131"/>
        <source>Save current lanes as set…</source>
        <translation>Enregistrer les colonnes actuelles comme jeu…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep these lanes, with their parameters and tools, to open them again in one click</source>
        <translation>Conserver ces colonnes, avec leurs paramètres et leurs outils, pour les rouvrir en un clic</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The model sets cannot be read</source>
        <translation>Impossible de lire les jeux de modèles</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No sets saved yet</source>
        <translation>Aucun jeu enregistré pour l’instant</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New comparison with %1</source>
        <translation>Nouvelle comparaison avec %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Manage…</source>
        <translation>Gérer…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save current lanes as set</source>
        <translation>Enregistrer les colonnes actuelles comme jeu</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The model set was not saved: %1</source>
        <translation>Le jeu de modèles n’a pas été enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved the model set &quot;%1&quot;.</source>
        <translation>Jeu de modèles «&#xa0;%1&#xa0;» enregistré.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Stop the running answers before opening a model set.</source>
        <translation>Arrêtez les réponses en cours avant d’ouvrir un jeu de modèles.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>There is no model set named &quot;%1&quot; any more.</source>
        <translation>Il n’existe plus de jeu de modèles nommé «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: its tools were left out (%2)</source>
        <translation>%1&#xa0;: ses outils n’ont pas été repris (%2)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>&amp;Rename…</source>
        <translation>&amp;Renommer…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Rename model set</source>
        <translation>Renommer le jeu de modèles</translation>
    </message>
</context>
<context>
    <name>versus::ui::PricesPage</name>
    <message>
        <location filename="../../ui/settings/pricespage.cpp" line="+73"/>
        <source>Save override</source>
        <translation>Enregistrer mon tarif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove override</source>
        <translation>Supprimer mon tarif</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+35"/>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <location line="-35"/>
        <location line="+37"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location line="-37"/>
        <location line="+39"/>
        <location line="+108"/>
        <source>Input</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location line="-147"/>
        <location line="+41"/>
        <location line="+109"/>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <location line="-150"/>
        <location line="+43"/>
        <location line="+110"/>
        <source>Cached input</source>
        <translation>Entrée en cache</translation>
    </message>
    <message>
        <location line="-152"/>
        <location line="+44"/>
        <location line="+111"/>
        <source>Cache write</source>
        <translation>Écriture en cache</translation>
    </message>
    <message>
        <location line="-155"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>As of</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter by provider, model or source</source>
        <translation>Filtrer par fournisseur, modèle ou source</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>USD per million tokens. An override of yours wins over the bundled catalog and the providers&apos; live lists; it is kept in %1.</source>
        <translation>Dollars US par million de jetons. Un tarif que vous définissez l’emporte sur le catalogue intégré et sur les listes en direct des fournisseurs&#x202f;; il est conservé dans %1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>model id, or * for every model</source>
        <translation>identifiant du modèle, ou * pour tous les modèles</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. %1</source>
        <translation>p. ex. %1</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>%1: &quot;%2&quot; is not a price in USD per million tokens, e.g. %3.</source>
        <translation>%1&#xa0;: «&#xa0;%2&#xa0;» n’est pas un tarif en dollars US par million de jetons, p. ex. %3.</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>same as input</source>
        <translation>identique à l’entrée</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>user</source>
        <translation>utilisateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>live</source>
        <translation>en direct</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bundled</source>
        <translation>intégré</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Other prices apply at some hours (%1)</source>
        <translation>D’autres tarifs s’appliquent à certaines heures (%1)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>set in Versus</source>
        <translation>défini dans Versus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a provider and type a model id (or * for all its models).</source>
        <translation>Choisissez un fournisseur et saisissez un identifiant de modèle (ou * pour tous ses modèles).</translation>
    </message>
</context>
<context>
    <name>versus::ui::ProviderKeysPage</name>
    <message>
        <location filename="../../ui/settings/providerkeyspage.cpp" line="-47"/>
        <source>Providers &amp; Keys</source>
        <translation>Fournisseurs et clés</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>API keys are kept in the system keychain, never in Versus&apos;s own files. When a provider&apos;s environment variable (such as GROQ_API_KEY) is set, it is used instead of the stored key.</source>
        <translation>Les clés d’API sont conservées dans le trousseau du système, jamais dans les fichiers de Versus. Si la variable d’environnement d’un fournisseur (comme GROQ_API_KEY) est définie, elle est utilisée à la place de la clé enregistrée.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>%1 API key</source>
        <translation>Clé d’API %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+38"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Show or hide the key you are typing</source>
        <translation>Afficher ou masquer la clé saisie</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+310"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location line="-308"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test</source>
        <translation>Tester</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import from environment</source>
        <translation>Importer depuis l’environnement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Store the value of %1 in the system keychain</source>
        <translation>Enregistrer la valeur de %1 dans le trousseau du système</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Copied. The clipboard is cleared in %n seconds.</source>
        <translation>
            <numerusform>Clé copiée. Le presse-papiers sera vidé dans %n seconde.</numerusform>
            <numerusform>Clé copiée. Le presse-papiers sera vidé dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+71"/>
        <source>no key needed</source>
        <translation>aucune clé nécessaire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>checking…</source>
        <translation>vérification…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from environment</source>
        <translation>depuis l’environnement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is set (%2) and is used instead of the stored key.</source>
        <translation>%1 est définie (%2) et remplace la clé enregistrée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A key is also stored in the keychain (%1).</source>
        <translation>Une clé est aussi enregistrée dans le trousseau (%1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>environment variable invalid</source>
        <translation>variable d’environnement non valide</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (stored) — type a new key to replace it</source>
        <translation>%1 (enregistrée) — saisissez une nouvelle clé pour la remplacer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste the API key</source>
        <translation>Collez la clé d’API</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Copy the key you typed; the clipboard is cleared after %n seconds</source>
        <translation>
            <numerusform>Copier la clé saisie&#x202f;; le presse-papiers est vidé au bout de %n seconde</numerusform>
            <numerusform>Copier la clé saisie&#x202f;; le presse-papiers est vidé au bout de %n secondes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check the key against the provider&apos;s model list</source>
        <translation>Vérifier la clé en demandant la liste de modèles du fournisseur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking keys is not available in this build</source>
        <translation>La vérification des clés n’est pas disponible dans cette version</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Not saved: %1</source>
        <translation>Non enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Saved in the system keychain.</source>
        <translation>Enregistrée dans le trousseau du système.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is not set.</source>
        <translation>%1 n’est pas définie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Imported from %1 into the system keychain.</source>
        <translation>Importée de %1 dans le trousseau du système.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Delete key</source>
        <translation>Supprimer la clé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the stored %1 key (%2) from the system keychain?</source>
        <translation>Supprimer du trousseau du système la clé %1 enregistrée (%2)&#x202f;?</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Deleted from the system keychain.</source>
        <translation>Supprimée du trousseau du système.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not deleted: %1</source>
        <translation>Non supprimée&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Checking the key from %1…</source>
        <translation>Vérification de la clé (source&#xa0;: %1)…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the entry</source>
        <translation>le champ de saisie</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the keychain</source>
        <translation>le trousseau</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Paste</source>
        <translation>Coller</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select All</source>
        <translation>Tout sélectionner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
</context>
<context>
    <name>versus::ui::SafeTextBrowser</name>
    <message>
        <location filename="../../ui/safetextbrowser.cpp" line="+57"/>
        <source>Open link</source>
        <translation>Ouvrir le lien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open this address in your web browser?

%1</source>
        <translation>Ouvrir cette adresse dans votre navigateur web&#x202f;?

%1</translation>
    </message>
</context>
<context>
    <name>versus::ui::ScoreboardModel</name>
    <message numerus="yes">
        <location filename="../../ui/scoreboardmodel.cpp" line="+80"/>
        <source>ok, %n failed</source>
        <comment>answers of the lane that failed</comment>
        <translation>
            <numerusform>ok, %n échec</numerusform>
            <numerusform>ok, %n échecs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error: %1</source>
        <translation>Erreur&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped</source>
        <translation>arrêtée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>truncated</source>
        <translation>tronquée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>streaming…</source>
        <translation>réception…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not sent</source>
        <translation>non envoyée</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 ms</source>
        <translation>%1&#xa0;ms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 tok/s</source>
        <translation>%1&#xa0;tok/s</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 reasoning</source>
        <translation>%1 de raisonnement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 cached</source>
        <translation>%1 en cache</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> + unpriced</source>
        <translation> + sans tarif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no price</source>
        <translation>sans tarif</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (%2 invalid)</source>
        <translation>%1 (non valides&#xa0;: %2)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1
— %2</source>
        <translation>%1
— %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Lane</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TTFT</source>
        <translation>TTFT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TTFAT</source>
        <translation>TTFAT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Speed</source>
        <translation>Vitesse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tokens</source>
        <translation>Jetons</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finish</source>
        <translation>Motif de fin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tool calls</source>
        <translation>Appels d’outils</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Votes</source>
        <translation>Votes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Judge</source>
        <translation>Juge</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Prompt tokens → completion tokens (reasoning included), as the provider reported them; &quot;~&quot; when Versus estimated them.%1</source>
        <translation>Jetons du prompt → jetons de sortie (raisonnement inclus), tels que le fournisseur les indique&#x202f;; «&#xa0;~&#xa0;» quand Versus les a estimés.%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>
Whole comparison: the sum over every turn.</source>
        <translation>
Toute la comparaison&#xa0;: somme de tous les tours.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>What the answers cost at the price catalog&apos;s prices (your own prices where you set them); &quot;~&quot; when the token counts were estimated.%1</source>
        <translation>Coût des réponses aux tarifs du catalogue (ou aux vôtres là où vous les avez définis)&#x202f;; «&#xa0;~&#xa0;» quand les nombres de jetons ont été estimés.%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Function calls the model made, and how many were invalid: arguments that are not a JSON object, an unknown tool, or arguments that break the tool&apos;s schema. Fewer invalid is better.</source>
        <translation>Appels de fonctions faits par le modèle, et combien étaient non valides&#xa0;: arguments qui ne sont pas un objet JSON, outil inconnu, ou arguments qui ne respectent pas le schéma de l’outil. Moins il y a d’appels non valides, mieux c’est.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Turns in which you voted this lane&apos;s answer the best.</source>
        <translation>Tours où vous avez désigné la réponse de cette colonne comme la meilleure.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 when you voted this lane&apos;s answer the best.</source>
        <translation>1 si vous avez désigné la réponse de cette colonne comme la meilleure.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The judge model&apos;s score, the mean over the judged turns.</source>
        <translation>La note du modèle juge, en moyenne sur les tours jugés.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The judge model&apos;s score of this answer; the reason is in the cell&apos;s tooltip.</source>
        <translation>La note du modèle juge pour cette réponse&#x202f;; la justification se trouve dans l’info-bulle de la cellule.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How the answer ended; an error names its kind, with the provider&apos;s words in the tooltip.</source>
        <translation>Comment la réponse s’est terminée&#x202f;; une erreur indique son type, avec le message du fournisseur dans l’info-bulle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The finish reason the provider gave (stop, length, tool_calls, …).</source>
        <translation>Le motif de fin indiqué par le fournisseur (stop, length, tool_calls…).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>
Whole comparison: the median over the lane&apos;s answered turns.</source>
        <translation>
Toute la comparaison&#xa0;: médiane des tours de la colonne ayant reçu une réponse.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>
Bold: the best value (failed answers are not ranked; equal values are all best).</source>
        <translation>
En gras&#xa0;: la meilleure valeur (les réponses en échec ne sont pas classées&#x202f;; les valeurs ex æquo comptent toutes comme meilleures).</translation>
    </message>
</context>
<context>
    <name>versus::ui::ScoreboardPanel</name>
    <message>
        <location filename="../../ui/scoreboardpanel.cpp" line="+61"/>
        <source>Time to first token (ms)</source>
        <translation>Délai du premier jeton (ms)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decode speed (tokens/s)</source>
        <translation>Vitesse de décodage (jetons/s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost (USD)</source>
        <translation>Coût (USD)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Markdown…</source>
        <translation>Exporter en Markdown…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export PNG…</source>
        <translation>Exporter en PNG…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The turn the scoreboard shows, or the whole comparison</source>
        <translation>Le tour affiché dans le tableau des scores, ou toute la comparaison</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Write the table to a CSV file (for a spreadsheet)</source>
        <translation>Enregistrer le tableau dans un fichier CSV (pour un tableur)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the table to a Markdown file, best values in bold</source>
        <translation>Enregistrer le tableau dans un fichier Markdown, meilleures valeurs en gras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a picture of the table and the charts</source>
        <translation>Enregistrer une image du tableau et des graphiques</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Scoreboard</source>
        <translation>Tableau des scores</translation>
    </message>
    <message>
        <location line="+103"/>
        <location line="+60"/>
        <source>Whole comparison</source>
        <translation>Toute la comparaison</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Turn %1: %2</source>
        <translation>Tour %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The picture could not be made.</source>
        <translation>L’image n’a pas pu être créée.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>comparison</source>
        <translation>comparaison</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 scoreboard</source>
        <translation>%1 – tableau des scores</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The scoreboard could not be written to %1: %2</source>
        <translation>Impossible d’écrire le tableau des scores dans %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>versus::ui::SessionStatus</name>
    <message>
        <location filename="../../ui/sessionstatus.cpp" line="+20"/>
        <source>What every answer of this session cost, from the providers&apos; token counts and the price catalog. &quot;≥&quot;: some answers had no price; &quot;≈&quot;: some token counts were estimated.</source>
        <translation>Le coût de toutes les réponses de cette session, d’après les nombres de jetons des fournisseurs et le catalogue de tarifs. «&#xa0;≥&#xa0;»&#xa0;: certaines réponses n’avaient pas de tarif&#x202f;; «&#xa0;≈&#xa0;»&#xa0;: certains nombres de jetons ont été estimés.</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>⚠ %n problem(s) in the provider or price catalogs</source>
        <translation>
            <numerusform>⚠ %n problème dans les catalogues de fournisseurs ou de tarifs</numerusform>
            <numerusform>⚠ %n problèmes dans les catalogues de fournisseurs ou de tarifs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Session cost: nothing spent yet</source>
        <translation>Coût de la session&#xa0;: rien dépensé pour l’instant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session cost: %1</source>
        <translation>Coût de la session&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>versus::ui::SettingsDialog</name>
    <message>
        <location filename="../../ui/settings/settingsdialog.cpp" line="+34"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Providers &amp; Keys</source>
        <translation>Fournisseurs et clés</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Custom endpoints</source>
        <translation>Points d’accès personnalisés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prices</source>
        <translation>Tarifs</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MCP servers</source>
        <translation>Serveurs MCP</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Settings — %1</source>
        <translation>Paramètres — %1</translation>
    </message>
</context>
<context>
    <name>versus::ui::ShortcutsDialog</name>
    <message>
        <location filename="../../ui/shortcutsdialog.cpp" line="+70"/>
        <source>Send the prompt (in the prompt box)</source>
        <translation>Envoyer le prompt (dans la zone de saisie)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New line in the prompt</source>
        <translation>Nouvelle ligne dans le prompt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
</context>
<context>
    <name>versus::ui::Sparkline</name>
    <message>
        <location filename="../../ui/sparkline.cpp" line="+99"/>
        <source>Output speed while the answer streamed (every %1):
lowest %2, highest %3, last %4</source>
        <translation>Vitesse de sortie pendant la réponse (par tranches de %1)&#xa0;:
min. %2, max. %3, dernière %4</translation>
    </message>
</context>
<context>
    <name>versus::ui::ToolAskPanel</name>
    <message>
        <location filename="../../ui/toolaskpanel.cpp" line="+22"/>
        <source>Send result</source>
        <translation>Envoyer le résultat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send as error</source>
        <translation>Envoyer comme erreur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allow</source>
        <translation>Autoriser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deny</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The tool&apos;s result: JSON, or plain words</source>
        <translation>Le résultat de l’outil&#xa0;: du JSON, ou du texte libre</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tell the model the call failed, with the words in the box.</source>
        <translation>Indiquer au modèle que l’appel a échoué, avec le texte du champ.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run this call on its MCP server. To allow a tool always, see Settings → MCP servers.</source>
        <translation>Exécuter cet appel sur son serveur MCP. Pour toujours autoriser un outil, voir Paramètres → Serveurs MCP.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do not run it: the model reads that you refused.</source>
        <translation>Ne pas l’exécuter&#xa0;: le modèle est informé de votre refus.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>The model wants to run %1 on the MCP server %2 with:</source>
        <translation>Le modèle veut exécuter %1 sur le serveur MCP %2 avec&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The model calls %1 and waits for its result:</source>
        <translation>Le modèle appelle %1 et attend son résultat&#xa0;:</translation>
    </message>
</context>
<context>
    <name>versus::ui::ToolTrace</name>
    <message>
        <location filename="../../ui/tooltracerender.cpp" line="+75"/>
        <source>running on %1…</source>
        <translation>exécution sur %1…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>waiting for your approval</source>
        <translation>en attente de votre accord</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>denied by you</source>
        <translation>vous avez refusé</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>waiting for your answer</source>
        <translation>en attente de votre réponse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waiting to run on %1</source>
        <translation>en attente d’exécution sur %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>built-in</source>
        <translation>intégré</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mock</source>
        <translation>simulé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>answered by you</source>
        <translation>votre réponse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>error result</source>
        <translation>erreur renvoyée au modèle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not answered</source>
        <translation>sans réponse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>answered by %1 (MCP)</source>
        <translation>réponse de %1 (MCP)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unknown tool</source>
        <translation>outil inconnu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>invalid JSON: %1</source>
        <translation>JSON non valide&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Round %1</source>
        <translation>Passe %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 → %2 tokens</source>
        <translation>%1 → %2 jetons</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>stopped</source>
        <translation>arrêtée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cut short</source>
        <translation>tronquée</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>failed: %1</source>
        <translation>échec&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>running…</source>
        <translation>en cours…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>run by the provider</source>
        <translation>exécuté par le fournisseur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Input</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>the tool reported an error</source>
        <translation>l’outil a signalé une erreur</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Arguments</source>
        <translation>Arguments</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Tool call: %1</source>
        <translation>Appel d’outil&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(unnamed)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The arguments are not valid JSON.</source>
        <translation>Les arguments ne sont pas du JSON valide.</translation>
    </message>
    <message numerus="yes">
        <location line="+56"/>
        <source>Reasoning (%n word(s))</source>
        <translation>
            <numerusform>Raisonnement (%n mot)</numerusform>
            <numerusform>Raisonnement (%n mots)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n round(s)</source>
        <translation>
            <numerusform>%n passe</numerusform>
            <numerusform>%n passes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n appel</numerusform>
            <numerusform>%n appels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n invalid</source>
        <translation>
            <numerusform>%n non valide</numerusform>
            <numerusform>%n non valides</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 by the provider</source>
        <translation>%1 par le fournisseur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>round limit reached</source>
        <translation>limite de passes atteinte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>answered</source>
        <translation>réponse finale</translation>
    </message>
</context>
<context>
    <name>versus::ui::VoteBar</name>
    <message>
        <location filename="../../ui/votebar.cpp" line="+19"/>
        <location line="+143"/>
        <source>Which answer is best?</source>
        <translation>Quelle réponse est la meilleure&#x202f;?</translation>
    </message>
    <message>
        <location line="-140"/>
        <source>Tie</source>
        <translation>Égalité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All bad</source>
        <translation>Toutes mauvaises</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The answers are about as good as each other</source>
        <translation>Les réponses se valent à peu près</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No answer is good enough (counted per model, not as a win for any)</source>
        <translation>Aucune réponse n’est assez bonne (compté pour chaque modèle, sans victoire pour aucun)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tags, comma-separated</source>
        <translation>Étiquettes, séparées par des virgules</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Words for this prompt (e.g. code, summary): the leaderboard can count only the turns with a tag</source>
        <translation>Mots-clés pour ce prompt (p. ex. code, résumé)&#xa0;: le classement peut ne compter que les tours portant une étiquette</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>%1: this lane&apos;s answer is the best</source>
        <translation>%1&#xa0;: la réponse de cette colonne est la meilleure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has no answer to vote for</source>
        <translation>%1 n’a aucune réponse pour laquelle voter</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>You chose %1.</source>
        <translation>Vous avez choisi %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You called it a tie.</source>
        <translation>Vous avez déclaré une égalité.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You found every answer bad.</source>
        <translation>Vous avez jugé toutes les réponses mauvaises.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You chose a lane that is closed now.</source>
        <translation>Vous avez choisi une colonne qui est maintenant fermée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your verdict:</source>
        <translation>Votre verdict&#xa0;:</translation>
    </message>
</context>
<context>
    <name>versus::ui::WelcomeView</name>
    <message>
        <location filename="../../ui/welcomeview.cpp" line="+18"/>
        <source>Look again</source>
        <translation>Relancer la recherche</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Welcome to Versus</source>
        <translation>Bienvenue dans Versus</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the lanes (Help → Welcome brings this back)</source>
        <translation>Afficher les colonnes (Aide → Accueil rouvre cette page)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Chat with a model.</source>
        <translation>Discutez avec un modèle.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any provider of the catalog, a custom OpenAI-compatible endpoint or a model server on this machine.</source>
        <translation>N’importe quel fournisseur du catalogue, un point d’accès personnalisé compatible OpenAI ou un serveur de modèles sur cet ordinateur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compare models side by side.</source>
        <translation>Comparez des modèles côte à côte.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One prompt to several lanes at once, with live speed, tokens and cost.</source>
        <translation>Un même prompt envoyé à plusieurs colonnes à la fois, avec vitesse, jetons et coût en direct.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep keys safe and every conversation.</source>
        <translation>Protégez vos clés, conservez toutes vos conversations.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API keys stay in the system keychain; prompts and answers are kept in the history, searchable.</source>
        <translation>Les clés d’API restent dans le trousseau du système&#x202f;; prompts et réponses sont conservés dans l’historique, où vous pouvez les rechercher.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Providers &amp;&amp; Keys…</source>
        <translation>Fournisseurs et clés…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the API key of a provider</source>
        <translation>Ajouter la clé d’API d’un fournisseur</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Model servers on this machine</source>
        <translation>Serveurs de modèles sur cet ordinateur</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Looking for Ollama, llama.cpp and LM Studio…</source>
        <translation>Recherche d’Ollama, de llama.cpp et de LM Studio…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 at %2</source>
        <translation>%1 à l’adresse %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open a lane</source>
        <translation>Ouvrir une colonne</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server lists no model: load one in it first</source>
        <translation>Le serveur ne liste aucun modèle&#xa0;: chargez-en d’abord un</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare or chat with this model</source>
        <translation>Comparer ce modèle ou discuter avec lui</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>None found. Start Ollama, llama.cpp or LM Studio, then look again.</source>
        <translation>Aucun serveur trouvé. Lancez Ollama, llama.cpp ou LM Studio, puis relancez la recherche.</translation>
    </message>
</context>
<context>
    <name>versus::ui::WindowVerdicts</name>
    <message>
        <location filename="../../ui/windowverdicts.cpp" line="+86"/>
        <source>Blind mode: which model this is shows once you vote</source>
        <translation>Mode à l’aveugle&#xa0;: le modèle n’est révélé qu’une fois que vous avez voté</translation>
    </message>
</context>
</TS>
