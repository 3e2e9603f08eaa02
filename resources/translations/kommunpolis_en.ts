<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
<context>
    <name>AppController</name>
    <message>
        <source>Kommunpolis</source>
        <translation>Kommunpolis</translation>
    </message>
    <message>
        <source>Osparad text hittades</source>
        <translation>Unsaved text found</translation>
    </message>
    <message numerus="yes">
        <source>Det finns %n utkast som inte hann sparas förra gången. Det senaste öppnas när du väljer Återställ; resten erbjuds vid nästa start.</source>
        <translation>
            <numerusform>There is %n draft that was not saved last time. The latest opens when you choose Restore; the rest are offered at the next start.</numerusform>
            <numerusform>There are %n drafts that were not saved last time. The latest opens when you choose Restore; the rest are offered at the next start.</numerusform>
        </translation>
    </message>
    <message>
        <source>Återställ</source>
        <translation>Restore</translation>
    </message>
</context>
<context>
    <name>AttentionItemModel</name>
    <message>
        <source>%1 · prioritet %2</source>
        <translation>%1 · priority %2</translation>
    </message>
    <message>
        <source>Försenad %n dagar (slut %1)</source>
        <translation>%n day(s) overdue (due %1)</translation>
    </message>
    <message>
        <source>%1 · aldrig uppföljd</source>
        <translation>%1 · never followed up</translation>
    </message>
    <message>
        <source>%1 · slutar i dag</source>
        <translation>%1 · ends today</translation>
    </message>
    <message>
        <source>%1 · slutar om %n dagar (%2)</source>
        <translation>%1 · ends in %n day(s) (%2)</translation>
    </message>
    <message>
        <source>%1 · för %n dagar sedan</source>
        <translation>%1 · %n day(s) ago</translation>
    </message>
    <message>
        <source>Vad</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Läge</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kommun</source>
        <translation>Municipality</translation>
    </message>
</context>
<context>
    <name>AttentionTile</name>
    <message>
        <source>Visa: %1</source>
        <translation>Show: %1</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Försök igen</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Det du har skrivit finns kvar och sparas när det går.</source>
        <translation>What you have written is kept and will be saved when possible.</translation>
    </message>
</context>
<context>
    <name>ConcernRowsModel</name>
    <message>
        <source>Tema</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Plats</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Antal</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Synpunkt</source>
        <translation>Concern</translation>
    </message>
</context>
<context>
    <name>ConcernTable</name>
    <message>
        <source>Synpunkter</source>
        <translation>Concerns</translation>
    </message>
</context>
<context>
    <name>DateInput</name>
    <message>
        <source>Inget datum</source>
        <translation>No date</translation>
    </message>
</context>
<context>
    <name>DateTimeInput</name>
    <message>
        <source>Ingen tid</source>
        <translation>No time</translation>
    </message>
</context>
<context>
    <name>DialogueEditor</name>
    <message>
        <source>Synpunkter</source>
        <translation>Concerns</translation>
    </message>
    <message>
        <source>Skriv inte personuppgifter om medborgare.</source>
        <translation>Do not enter personal data about citizens.</translation>
    </message>
    <message>
        <source>Ctrl+%1 %2</source>
        <translation>Ctrl+%1 %2</translation>
    </message>
    <message>
        <source>Ändrat – sparas strax</source>
        <translation>Changed – saving shortly</translation>
    </message>
    <message>
        <source>Inte sparat – rätta de markerade raderna</source>
        <translation>Not saved – correct the highlighted rows</translation>
    </message>
    <message>
        <source>Inte sparat</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>DisposalGroup</name>
    <message>
        <source>Gallring</source>
        <translation>Disposal</translation>
    </message>
    <message>
        <source>Fritext som kan innehålla personuppgifter töms när den är äldre än tiden nedan. Tema, plats, antal, datum, status och kopplingar finns kvar. Det som ett pågående medborgarlöfte eller en gällande överenskommelse bygger på rörs inte.</source>
        <translation>Free text that may hold personal data is cleared when it is older than the time below. Theme, place, count, dates, status and links are kept. Nothing an ongoing citizen promise or an agreement in force depends on is touched.</translation>
    </message>
    <message>
        <source>&amp;Dialoger (anteckningar, återkoppling):</source>
        <translation>&amp;Dialogues (notes, feedback):</translation>
    </message>
    <message>
        <source>S&amp;ynpunkter (text, svar):</source>
        <translation>C&amp;oncerns (text, answer):</translation>
    </message>
    <message>
        <source>&amp;Möten (dagordning, protokoll, beslut, åtgärdspunkter):</source>
        <translation>&amp;Meetings (agenda, minutes, decisions, action items):</translation>
    </message>
    <message>
        <source>&amp;Uppföljningar (beskrivning, kommentar per åtgärd):</source>
        <translation>&amp;Follow-ups (narrative, note per measure):</translation>
    </message>
    <message>
        <source>&amp;Källor i lägesbilder (beskrivning):</source>
        <translation>Situation picture &amp;sources (description):</translation>
    </message>
    <message>
        <source>&amp;Orsaksanalyser (gärningsperson, mål eller offer, skydd, händelsekedja):</source>
        <translation>Root-cause &amp;analyses (offender, target or victim, guardians, event chain):</translation>
    </message>
    <message>
        <source>Sekre&amp;tessmarkerade poster, högst:</source>
        <translation>Records marked s&amp;ecret, at most:</translation>
    </message>
    <message>
        <source> mån</source>
        <translation> mo</translation>
    </message>
    <message>
        <source>Gallras inte</source>
        <translation>Never cleared</translation>
    </message>
    <message>
        <source>&amp;Förhandsgranska gallring</source>
        <translation>&amp;Preview disposal</translation>
    </message>
    <message>
        <source>&amp;Gallra nu</source>
        <translation>Dispose &amp;now</translation>
    </message>
    <message>
        <source>Det som gallras</source>
        <translation>What will be cleared</translation>
    </message>
    <message>
        <source>Söker efter det som ska gallras…</source>
        <translation>Looking for what is past its time…</translation>
    </message>
    <message>
        <source>Gallra</source>
        <translation>Dispose</translation>
    </message>
    <message numerus="yes">
        <source>Gallra fritexten i de listade posterna (%n)?</source>
        <translation>
            <numerusform>Clear the free text in the listed record (%n)?</numerusform>
            <numerusform>Clear the free text in the %n listed records?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fält töms. En säkerhetskopia tas först; tema, plats, antal och datum finns kvar. Det går inte att ångra i appen.</source>
        <translation>
            <numerusform>%n field will be cleared. A backup is taken first; theme, place, count and dates are kept. This cannot be undone in the app.</numerusform>
            <numerusform>%n fields will be cleared. A backup is taken first; theme, place, count and dates are kept. This cannot be undone in the app.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tar en säkerhetskopia och gallrar…</source>
        <translation>Taking a backup and clearing…</translation>
    </message>
    <message>
        <source>Tiderna ändrades. Förhandsgranska igen innan du gallrar.</source>
        <translation>The times changed. Preview again before disposing.</translation>
    </message>
    <message numerus="yes">
        <source>Poster med fritext äldre än gallringstiden: %n.</source>
        <translation>
            <numerusform>Records with free text past its retention time: %n.</numerusform>
            <numerusform>Records with free text past its retention time: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Inget är äldre än gallringstiden.</source>
        <translation>Nothing is past its retention time.</translation>
    </message>
    <message numerus="yes">
        <source>Hålls kvar för att ett pågående löfte eller en gällande överenskommelse bygger på dem: %n.</source>
        <translation>
            <numerusform>Kept because an ongoing promise or an agreement in force depends on it: %n.</numerusform>
            <numerusform>Kept because an ongoing promise or an agreement in force depends on them: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Klart: %n fält tömdes.</source>
        <translation>
            <numerusform>Done: %n field cleared.</numerusform>
            <numerusform>Done: %n fields cleared.</numerusform>
        </translation>
    </message>
    <message>
        <source>Säkerhetskopia: {name}</source>
        <translation>Backup: {name}</translation>
    </message>
</context>
<context>
    <name>DocumentExporter</name>
    <message>
        <source>CSV-filer för Excel (*.csv)</source>
        <translation>CSV files for Excel (*.csv)</translation>
    </message>
    <message>
        <source>Det saknas delar i dokumentet</source>
        <translation>Parts of the document are missing</translation>
    </message>
    <message>
        <source>Dokumentet sparades som {path}.</source>
        <translation>The document was saved as {path}.</translation>
    </message>
    <message>
        <source>Dokumentet är sparat</source>
        <translation>Document saved</translation>
    </message>
    <message>
        <source>Exportera listan som CSV</source>
        <translation>Export the list as CSV</translation>
    </message>
    <message>
        <source>PDF-filer (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Skapa ändå</source>
        <translation>Create anyway</translation>
    </message>
    <message>
        <source>Spara dokumentet som PDF</source>
        <translation>Save the document as PDF</translation>
    </message>
    <message>
        <source>Öppna</source>
        <translation>Open</translation>
    </message>
    <message numerus="yes">
        <source>Antal luckor i ”{title}”: %n. De står överst i dokumentet.</source>
        <translation>
            <numerusform>Gaps in “{title}”: %n. It is listed at the top of the document.</numerusform>
            <numerusform>Gaps in “{title}”: %n. They are listed at the top of the document.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… och %n till.</source>
        <translation>
            <numerusform>… and %n more.</numerusform>
            <numerusform>… and %n more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <source>Utbyte</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>Exportera</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Importera</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Konflikter</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Identiteter</source>
        <translation>Identities</translation>
    </message>
    <message>
        <source>Mottaget</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Samordning</source>
        <translation>Coordination</translation>
    </message>
    <message>
        <source>Konflikter ({n})</source>
        <translation>Conflicts ({n})</translation>
    </message>
</context>
<context>
    <name>FieldLabels</name>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Rubrik</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Polisregion</source>
        <translation>Police region</translation>
    </message>
    <message>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Kommun</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Beskrivning</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Känslighet</source>
        <translation>Sensitivity</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>E-post</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Ordning</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Börjar</source>
        <translation>Starts</translation>
    </message>
    <message>
        <source>Slutar</source>
        <translation>Ends</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Delaktighetsnivå</source>
        <translation>Participation level</translation>
    </message>
    <message>
        <source>Målgrupp</source>
        <translation>Target group</translation>
    </message>
    <message>
        <source>Antal deltagare</source>
        <translation>Number of participants</translation>
    </message>
    <message>
        <source>Anteckningar</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Återkopplad den</source>
        <translation>Fed back on</translation>
    </message>
    <message>
        <source>Återkopplad hur</source>
        <translation>How fed back</translation>
    </message>
    <message>
        <source>Återkoppling</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>Dialog</source>
        <translation>Dialogue</translation>
    </message>
    <message>
        <source>Tema</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Plats</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>När</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Antal som tog upp det</source>
        <translation>Number who raised it</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Svar som gavs</source>
        <translation>Answer given</translation>
    </message>
    <message>
        <source>Mötestyp</source>
        <translation>Meeting type</translation>
    </message>
    <message>
        <source>Var</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Dagordning</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Protokoll</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Möte</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Vad</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Ansvarig</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Klart senast</source>
        <translation>Due by</translation>
    </message>
    <message>
        <source>Omfattning</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Lokalpolisområde</source>
        <translation>Local police district</translation>
    </message>
    <message>
        <source>Område</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Ägare</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Period från</source>
        <translation>Period from</translation>
    </message>
    <message>
        <source>Period till</source>
        <translation>Period to</translation>
    </message>
    <message>
        <source>Sammanfattning</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Trender</source>
        <translation>Trends</translation>
    </message>
    <message>
        <source>Lägesbild</source>
        <translation>Situation picture</translation>
    </message>
    <message>
        <source>Typ av källa</source>
        <translation>Source type</translation>
    </message>
    <message>
        <source>Endast för polisen</source>
        <translation>Police only</translation>
    </message>
    <message>
        <source>Vem drabbas</source>
        <translation>Who is affected</translation>
    </message>
    <message>
        <source>Prioritet</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Kartläggning (S)</source>
        <translation>Scanning (S)</translation>
    </message>
    <message>
        <source>Analys (A)</source>
        <translation>Analysis (A)</translation>
    </message>
    <message>
        <source>Åtgärder (R)</source>
        <translation>Response (R)</translation>
    </message>
    <message>
        <source>Utvärdering (A)</source>
        <translation>Assessment (A)</translation>
    </message>
    <message>
        <source>Gärningsperson</source>
        <translation>Offender</translation>
    </message>
    <message>
        <source>Mål eller offer</source>
        <translation>Target or victim</translation>
    </message>
    <message>
        <source>Den som påverkar gärningspersonen</source>
        <translation>Handler (influences the offender)</translation>
    </message>
    <message>
        <source>Den som skyddar målet</source>
        <translation>Guardian (protects the target)</translation>
    </message>
    <message>
        <source>Den som ansvarar för platsen</source>
        <translation>Place manager (responsible for the place)</translation>
    </message>
    <message>
        <source>Händelsekedja</source>
        <translation>Chain of events</translation>
    </message>
    <message>
        <source>Orsaksanalys</source>
        <translation>Root-cause analysis</translation>
    </message>
    <message>
        <source>Mätbara mål</source>
        <translation>Measurable goals</translation>
    </message>
    <message>
        <source>Dokumentation</source>
        <translation>Documentation</translation>
    </message>
    <message>
        <source>Uppföljning</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Samverkansöverenskommelse</source>
        <translation>Collaboration agreement</translation>
    </message>
    <message>
        <source>Undertecknare</source>
        <translation>Signatory</translation>
    </message>
    <message>
        <source>Undertecknarens titel</source>
        <translation>Signatory&apos;s title</translation>
    </message>
    <message>
        <source>Undertecknad den</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>Publik text</source>
        <translation>Public text</translation>
    </message>
    <message>
        <source>Medborgarlöfte</source>
        <translation>Citizen promise</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Party</translation>
    </message>
    <message>
        <source>Orsak</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>Operativt mål</source>
        <translation>Operational goal</translation>
    </message>
    <message>
        <source>Startar</source>
        <translation>Starts</translation>
    </message>
    <message>
        <source>Klar senast</source>
        <translation>Due by</translation>
    </message>
    <message>
        <source>Uppföljningsmarkering</source>
        <translation>Follow-up mark</translation>
    </message>
    <message>
        <source>Åtgärd</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Vad som mäts</source>
        <translation>What is measured</translation>
    </message>
    <message>
        <source>Källa</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Utgångsvärde</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>Indikator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Mätt den</source>
        <translation>Measured on</translation>
    </message>
    <message>
        <source>Värde</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Kommentar</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Timmar</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Rapporterad till</source>
        <translation>Reported to</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Målvärde</source>
        <translation>Target value</translation>
    </message>
    <message>
        <source>Typ av plats</source>
        <translation>Place type</translation>
    </message>
    <message>
        <source>Typ av dialog</source>
        <translation>Dialogue type</translation>
    </message>
    <message>
        <source>Typ av uppföljning</source>
        <translation>Follow-up type</translation>
    </message>
    <message>
        <source>Lokal</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Platser</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>Arrangörer</source>
        <translation>Organisers</translation>
    </message>
    <message>
        <source>Deltagare</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Synpunkter (underlag)</source>
        <translation>Concerns (evidence)</translation>
    </message>
    <message>
        <source>Källor (underlag)</source>
        <translation>Sources (evidence)</translation>
    </message>
    <message>
        <source>Medborgarlöften</source>
        <translation>Citizen promises</translation>
    </message>
    <message>
        <source>Fokusområden (problem)</source>
        <translation>Focus areas (problems)</translation>
    </message>
    <message>
        <source>Fokusområde</source>
        <translation>Focus area</translation>
    </message>
</context>
<context>
    <name>FieldProblems</name>
    <message>
        <source>Fältet måste fyllas i.</source>
        <translation>This field is required.</translation>
    </message>
    <message>
        <source>Texten är för lång: högst %1 tecken (nu %2).</source>
        <translation>The text is too long: at most %1 characters (now %2).</translation>
    </message>
    <message>
        <source>Värdet kan inte vara negativt.</source>
        <translation>The value cannot be negative.</translation>
    </message>
    <message>
        <source>Värdet måste vara minst %1.</source>
        <translation>The value must be at least %1.</translation>
    </message>
    <message>
        <source>Skriv ett tal.</source>
        <translation>Enter a number.</translation>
    </message>
    <message>
        <source>Datumet finns inte. Skriv det som ÅÅÅÅ-MM-DD.</source>
        <translation>That date does not exist. Write it as YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>Slutet kan inte komma före början.</source>
        <translation>The end cannot be before the start.</translation>
    </message>
    <message>
        <source>Välj en post i listan (%1).</source>
        <translation>Choose a record from the list (%1).</translation>
    </message>
    <message>
        <source>Välj en kommun i listan.</source>
        <translation>Choose a municipality from the list.</translation>
    </message>
    <message>
        <source>Välj ett av medborgarlöftets fokusområden, eller lägg först till problemet under Fokusområden i löftet.</source>
        <translation>Choose one of the citizen promise&apos;s focus areas, or first add the problem under Focus areas in the promise.</translation>
    </message>
    <message>
        <source>Välj en post som hör till den valda posten (%1).</source>
        <translation>Choose a record that belongs to the chosen record (%1).</translation>
    </message>
    <message>
        <source>Välj ett av alternativen i listan.</source>
        <translation>Choose one of the options in the list.</translation>
    </message>
    <message>
        <source>Det finns redan en sådan post.</source>
        <translation>Such a record already exists.</translation>
    </message>
    <message>
        <source>Värdet kan inte sparas.</source>
        <translation>The value cannot be saved.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Välkommen till Kommunpolis</source>
        <translation>Welcome to Kommunpolis</translation>
    </message>
    <message>
        <source>Börja med att berätta vem du är. Uppgifterna står som upphov på det du registrerar och kan ändras senare.</source>
        <translation>Start by telling us who you are. These details are shown as the author of what you record and can be changed later.</translation>
    </message>
    <message>
        <source>För- och efternamn</source>
        <translation>First and last name</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>&amp;Namn:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Roll: Kommunpolis</source>
        <translation>Role: Community police officer</translation>
    </message>
    <message>
        <source>Roll: Samordnare</source>
        <translation>Role: Coordinator</translation>
    </message>
    <message>
        <source>&amp;Roll:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>Valfritt, t.ex. LPO Norrort</source>
        <translation>Optional, e.g. LPO Norrort</translation>
    </message>
    <message>
        <source>Lokalpolisområde</source>
        <translation>Local police district</translation>
    </message>
    <message>
        <source>&amp;Lokalpolisområde:</source>
        <translation>&amp;Local police district:</translation>
    </message>
    <message>
        <source>Sök kommun eller län</source>
        <translation>Search municipality or county</translation>
    </message>
    <message>
        <source>Sök kommun</source>
        <translation>Search municipality</translation>
    </message>
    <message>
        <source>Kommuner</source>
        <translation>Municipalities</translation>
    </message>
    <message>
        <source>&amp;Visa bara valda</source>
        <translation>&amp;Show selected only</translation>
    </message>
    <message>
        <source>&amp;Kommuner:</source>
        <translation>&amp;Municipalities:</translation>
    </message>
    <message>
        <source>Profilen sparas bara på den här datorn. Ditt namn följer med när du delar en fil med andra. Registrera aldrig uppgifter om enskilda medborgare.</source>
        <translation>The profile is saved only on this computer. Your name is included when you share a file with others. Never record details about individual citizens.</translation>
    </message>
    <message>
        <source>&amp;Skapa profil</source>
        <translation>&amp;Create profile</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Ange ditt namn.</source>
        <translation>Enter your name.</translation>
    </message>
    <message>
        <source>Sparar…</source>
        <translation>Saving…</translation>
    </message>
    <message numerus="yes">
        <source>Valda kommuner: %n</source>
        <translation>
            <numerusform>%n municipality selected</numerusform>
            <numerusform>%n municipalities selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Uppföljning av åtgärd</source>
        <translation>Follow-up of a measure</translation>
    </message>
    <message>
        <source>Uppföljningar av åtgärder</source>
        <translation>Follow-ups of measures</translation>
    </message>
    <message>
        <source>Part i överenskommelse</source>
        <translation>Party to an agreement</translation>
    </message>
    <message>
        <source>Parter i överenskommelser</source>
        <translation>Parties to agreements</translation>
    </message>
    <message>
        <source>Genomförd</source>
        <comment>dialogue held</comment>
        <translation>Held</translation>
    </message>
    <message>
        <source>Beslut</source>
        <comment>plural</comment>
        <translation>Decisions</translation>
    </message>
    <message>
        <source>Problem</source>
        <comment>plural</comment>
        <translation>Problems</translation>
    </message>
    <message>
        <source>Öppen</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Intern</source>
        <translation>Internal</translation>
    </message>
    <message>
        <source>Sekretess</source>
        <translation>Confidential</translation>
    </message>
    <message>
        <source>Kommunpolis</source>
        <translation>Community police officer</translation>
    </message>
    <message>
        <source>Samordnare</source>
        <translation>Coordinator</translation>
    </message>
    <message>
        <source>Torg</source>
        <translation>Square</translation>
    </message>
    <message>
        <source>Skola</source>
        <translation>School</translation>
    </message>
    <message>
        <source>Väg/gata</source>
        <translation>Road/street</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>Park</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Område</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Annan plats</source>
        <translation>Other place</translation>
    </message>
    <message>
        <source>Kommunal förvaltning</source>
        <translation>Municipal department</translation>
    </message>
    <message>
        <source>Bostadsbolag</source>
        <translation>Housing company</translation>
    </message>
    <message>
        <source>Förening</source>
        <translation>Association</translation>
    </message>
    <message>
        <source>Näringsidkare</source>
        <translation>Business</translation>
    </message>
    <message>
        <source>Räddningstjänst</source>
        <translation>Fire and rescue service</translation>
    </message>
    <message>
        <source>Länsstyrelse</source>
        <translation>County administrative board</translation>
    </message>
    <message>
        <source>Polisen</source>
        <translation>Police</translation>
    </message>
    <message>
        <source>Annan organisation</source>
        <translation>Other organisation</translation>
    </message>
    <message>
        <source>Medborgardialog</source>
        <translation>Citizen dialogue</translation>
    </message>
    <message>
        <source>Medarbetardialog</source>
        <translation>Employee dialogue</translation>
    </message>
    <message>
        <source>Öppet möte</source>
        <translation>Open meeting</translation>
    </message>
    <message>
        <source>Trygghetsvandring</source>
        <translation>Safety walk</translation>
    </message>
    <message>
        <source>Enkät</source>
        <translation>Questionnaire</translation>
    </message>
    <message>
        <source>Fokusgrupp</source>
        <translation>Focus group</translation>
    </message>
    <message>
        <source>Intervju</source>
        <translation>Interview</translation>
    </message>
    <message>
        <source>Rådslag</source>
        <translation>Public deliberation</translation>
    </message>
    <message>
        <source>Dialogstand</source>
        <translation>Dialogue stand</translation>
    </message>
    <message>
        <source>Skolbesök</source>
        <translation>School visit</translation>
    </message>
    <message>
        <source>Digital</source>
        <translation>Digital</translation>
    </message>
    <message>
        <source>Annat</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Konsultation</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>Delaktighet</source>
        <translation>Involvement</translation>
    </message>
    <message>
        <source>Medbestämmande</source>
        <translation>Co-decision</translation>
    </message>
    <message>
        <source>När som helst</source>
        <translation>Any time</translation>
    </message>
    <message>
        <source>Dagtid</source>
        <translation>Daytime</translation>
    </message>
    <message>
        <source>Kvällar</source>
        <translation>Evenings</translation>
    </message>
    <message>
        <source>Nätter</source>
        <translation>Nights</translation>
    </message>
    <message>
        <source>Helger</source>
        <translation>Weekends</translation>
    </message>
    <message>
        <source>Skoltid</source>
        <translation>School hours</translation>
    </message>
    <message>
        <source>Säsongsvis</source>
        <translation>Seasonal</translation>
    </message>
    <message>
        <source>Samverkansmöte</source>
        <translation>Collaboration meeting</translation>
    </message>
    <message>
        <source>Styrgrupp</source>
        <translation>Steering group</translation>
    </message>
    <message>
        <source>Arbetsgrupp</source>
        <translation>Working group</translation>
    </message>
    <message>
        <source>Lokalt BRÅ</source>
        <translation>Local crime prevention council</translation>
    </message>
    <message>
        <source>EST</source>
        <translation>EST</translation>
    </message>
    <message>
        <source>Annat möte</source>
        <translation>Other meeting</translation>
    </message>
    <message>
        <source>Kommun</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Lokalpolisområde</source>
        <translation>Local police district</translation>
    </message>
    <message>
        <source>Kommunen</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Gemensam</source>
        <translation>Joint</translation>
    </message>
    <message>
        <source>Brottsstatistik</source>
        <translation>Crime statistics</translation>
    </message>
    <message>
        <source>Trygghetsmätning</source>
        <translation>Safety survey</translation>
    </message>
    <message>
        <source>Dialoger</source>
        <translation>Dialogues</translation>
    </message>
    <message>
        <source>Polisiär underrättelse</source>
        <translation>Police intelligence</translation>
    </message>
    <message>
        <source>Kommunal statistik</source>
        <translation>Municipal statistics</translation>
    </message>
    <message>
        <source>Rapport från samverkanspart</source>
        <translation>Report from collaboration partner</translation>
    </message>
    <message>
        <source>Annan källa</source>
        <translation>Other source</translation>
    </message>
    <message>
        <source>Samverkanspart</source>
        <translation>Collaboration partner</translation>
    </message>
    <message>
        <source>Grön</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>Gul</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <source>Röd</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Process</translation>
    </message>
    <message>
        <source>Effekt</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Fråga i trygghetsmätning</source>
        <translation>Safety survey question</translation>
    </message>
    <message>
        <source>Brottskategori</source>
        <translation>Crime category</translation>
    </message>
    <message>
        <source>Antal aktiviteter</source>
        <translation>Number of activities</translation>
    </message>
    <message>
        <source>Planerad</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Genomförd</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Sammanställd</source>
        <translation>Compiled</translation>
    </message>
    <message>
        <source>Återkopplad</source>
        <translation>Fed back</translation>
    </message>
    <message>
        <source>Utkast</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Justerat</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Klar</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Struken</source>
        <translation>Dropped</translation>
    </message>
    <message>
        <source>Identifierat</source>
        <translation>Identified</translation>
    </message>
    <message>
        <source>Prioriterat</source>
        <translation>Prioritised</translation>
    </message>
    <message>
        <source>Analyserat</source>
        <translation>Analysed</translation>
    </message>
    <message>
        <source>Åtgärdat</source>
        <translation>Addressed</translation>
    </message>
    <message>
        <source>Avslutat</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Undertecknad</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>Gällande</source>
        <translation>In force</translation>
    </message>
    <message>
        <source>Utgången</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Undertecknat</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>Publicerat</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>Uppföljt</source>
        <translation>Followed up</translation>
    </message>
    <message>
        <source>Ej påbörjad</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>Pågår</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Inställd</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Lokalpolisområden</source>
        <translation>Local police districts</translation>
    </message>
    <message>
        <source>Plats</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Platser</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Organisationer</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>Kontakt</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Kontakter</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Tema</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Teman</source>
        <translation>Themes</translation>
    </message>
    <message>
        <source>Dialog</source>
        <translation>Dialogue</translation>
    </message>
    <message>
        <source>Synpunkt</source>
        <translation>Concern</translation>
    </message>
    <message>
        <source>Synpunkter</source>
        <translation>Concerns</translation>
    </message>
    <message>
        <source>Möte</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Möten</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>Beslut</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Åtgärdspunkt</source>
        <translation>Action item</translation>
    </message>
    <message>
        <source>Åtgärdspunkter</source>
        <translation>Action items</translation>
    </message>
    <message>
        <source>Lägesbild</source>
        <translation>Situation picture</translation>
    </message>
    <message>
        <source>Lägesbilder</source>
        <translation>Situation pictures</translation>
    </message>
    <message>
        <source>Källa</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Källor</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Orsaksanalys</source>
        <translation>Root-cause analysis</translation>
    </message>
    <message>
        <source>Orsaksanalyser</source>
        <translation>Root-cause analyses</translation>
    </message>
    <message>
        <source>Orsak</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>Orsaker</source>
        <translation>Causes</translation>
    </message>
    <message>
        <source>Samverkansöverenskommelse</source>
        <translation>Collaboration agreement</translation>
    </message>
    <message>
        <source>Samverkansöverenskommelser</source>
        <translation>Collaboration agreements</translation>
    </message>
    <message>
        <source>Medborgarlöfte</source>
        <translation>Citizen promise</translation>
    </message>
    <message>
        <source>Medborgarlöften</source>
        <translation>Citizen promises</translation>
    </message>
    <message>
        <source>Åtagande</source>
        <translation>Commitment</translation>
    </message>
    <message>
        <source>Åtaganden</source>
        <translation>Commitments</translation>
    </message>
    <message>
        <source>Åtgärd</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Åtgärder</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>Indikator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Indikatorer</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>Indikatorvärde</source>
        <translation>Indicator value</translation>
    </message>
    <message>
        <source>Indikatorvärden</source>
        <translation>Indicator values</translation>
    </message>
    <message>
        <source>Uppföljning</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Uppföljningar</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>Bilaga</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>Bilagor</source>
        <translation>Attachments</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Kommunpolis</source>
        <translation>Kommunpolis</translation>
    </message>
    <message>
        <source>&amp;Avsluta</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Ny</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Ny post i den här delen (Ctrl+N)</source>
        <translation>New record in this section (Ctrl+N)</translation>
    </message>
    <message>
        <source>Ny &amp;dialog</source>
        <translation>New &amp;dialogue</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>&amp;Sök…</source>
        <translation>&amp;Search…</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>Sök bland alla poster (Ctrl+F)</source>
        <translation>Search all records (Ctrl+F)</translation>
    </message>
    <message>
        <source>Ån&amp;gra borttagning</source>
        <translation>&amp;Undo deletion</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>&amp;Om Kommunpolis</source>
        <translation>&amp;About Kommunpolis</translation>
    </message>
    <message>
        <source>&amp;Arkiv</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Redigera</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Visa</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Hjälp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Verktyg</source>
        <translation>Tools</translation>
    </message>
    <message>
        <source>Skapa profil…</source>
        <translation>Create profile…</translation>
    </message>
    <message>
        <source>Delar av programmet</source>
        <translation>Parts of the application</translation>
    </message>
    <message>
        <source>Databas: {path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <source>Ångra</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Borttagningen ångrades.</source>
        <translation>The deletion was undone.</translation>
    </message>
    <message>
        <source>Öppnar databasen…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>Ingen profil ännu</source>
        <translation>No profile yet</translation>
    </message>
    <message>
        <source>Skapa din profil för att börja arbeta.</source>
        <translation>Create your profile to start working.</translation>
    </message>
    <message>
        <source>Lokalpolisområde: {name}</source>
        <translation>Local police district: {name}</translation>
    </message>
    <message>
        <source>Kommuner: {names}</source>
        <translation>Municipalities: {names}</translation>
    </message>
    <message>
        <source>Inga kommuner valda</source>
        <translation>No municipalities selected</translation>
    </message>
    <message>
        <source>Ingen säkerhetskopia ännu</source>
        <translation>No backup yet</translation>
    </message>
    <message>
        <source>Senaste säkerhetskopia: {when}</source>
        <translation>Latest backup: {when}</translation>
    </message>
    <message>
        <source>Säkerhetskopian misslyckades</source>
        <translation>The backup failed</translation>
    </message>
    <message>
        <source>Om Kommunpolis</source>
        <translation>About Kommunpolis</translation>
    </message>
    <message>
        <source>Kommunpolis {version}</source>
        <translation>Kommunpolis {version}</translation>
    </message>
    <message>
        <source>Medborgardialoger, synpunkter, lägesbilder och medborgarlöften – på din egen dator, även utan nätverk.</source>
        <translation>Citizen dialogues, concerns, situation pictures and citizen promises – on your own computer, even without a network.</translation>
    </message>
    <message numerus="yes">
        <source>Poster med sekretess som inte togs med: %n.</source>
        <translation>
            <numerusform>Records marked secret left out: %n.</numerusform>
            <numerusform>Records marked secret left out: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rader exporterade till {path}: %n.</source>
        <translation>
            <numerusform>Rows exported to {path}: %n.</numerusform>
            <numerusform>Rows exported to {path}: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Dokument</source>
        <translation>&amp;Documents</translation>
    </message>
    <message>
        <source>&amp;Exportera listan som CSV…</source>
        <translation>&amp;Export the list as CSV…</translation>
    </message>
    <message>
        <source>&amp;Logga uppföljning…</source>
        <translation>&amp;Log a follow-up…</translation>
    </message>
    <message>
        <source>&amp;Lägesbild (PDF)…</source>
        <translation>&amp;Situation picture (PDF)…</translation>
    </message>
    <message>
        <source>&amp;Medborgarlöfte (PDF)…</source>
        <translation>&amp;Citizen promise (PDF)…</translation>
    </message>
    <message>
        <source>&amp;Uppföljningsrapport (PDF)…</source>
        <translation>&amp;Follow-up report (PDF)…</translation>
    </message>
    <message>
        <source>&amp;Åtgärdsplan (PDF)…</source>
        <translation>&amp;Action plan (PDF)…</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Dokumentet sparades: {path}</source>
        <translation>Document saved: {path}</translation>
    </message>
    <message>
        <source>Följ upp det valda medborgarlöftets åtgärder, en rad per åtgärd (Ctrl+L)</source>
        <translation>Follow up the chosen citizen promise's measures, one line per measure (Ctrl+L)</translation>
    </message>
    <message>
        <source>Uppföljningen sparades.</source>
        <translation>The follow-up was saved.</translation>
    </message>
    <message>
        <source>Visa först en lista med poster.</source>
        <translation>Show a list of records first.</translation>
    </message>
    <message>
        <source>Välj först en dialog under Dialoger.</source>
        <translation>First choose a dialogue under Dialogues.</translation>
    </message>
    <message>
        <source>Välj först en lägesbild under Lägesbild &amp; problem.</source>
        <translation>First choose a situation picture under Situation &amp; problems.</translation>
    </message>
    <message>
        <source>Välj först ett medborgarlöfte under Löften &amp; åtgärder.</source>
        <translation>First choose a citizen promise under Promises &amp; measures.</translation>
    </message>
    <message>
        <source>Åte&amp;rkopplingsbrev (PDF)…</source>
        <translation>&amp;Feedback letter (PDF)…</translation>
    </message>
</context>
<context>
    <name>MunicipalityListModel</name>
    <message>
        <source>{name} ({county})</source>
        <translation>{name} ({county})</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Översikt</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Det här behöver din uppmärksamhet.</source>
        <translation>These need your attention.</translation>
    </message>
    <message>
        <source>Läge</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Kommun:</source>
        <translation>&amp;Municipality:</translation>
    </message>
    <message>
        <source>Alla kommuner</source>
        <translation>All municipalities</translation>
    </message>
    <message>
        <source>Kommun</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Poster som behöver åtgärdas</source>
        <translation>Records that need action</translation>
    </message>
    <message>
        <source>Per kommun</source>
        <translation>By municipality</translation>
    </message>
    <message>
        <source>Enter på en kommun visar bara den kommunen.</source>
        <translation>Press Enter on a municipality to show only that municipality.</translation>
    </message>
    <message>
        <source>Laddar…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Visar de %1 första av %2.</source>
        <translation>Showing the first %1 of %2.</translation>
    </message>
    <message>
        <source>Alla kommuner: var kedjan är bruten.</source>
        <translation>Every municipality: where the chain is broken.</translation>
    </message>
    <message>
        <source>Per kommun, flest brott i kedjan först</source>
        <translation>Per municipality, most breaks in the chain first</translation>
    </message>
    <message>
        <source>Visa kedjan</source>
        <translation>Show the chain</translation>
    </message>
    <message>
        <source>Visa kedjan för löftet eller dialogen (%1)</source>
        <translation>Show the chain of the promise or dialogue (%1)</translation>
    </message>
    <message>
        <source>Öppna posten</source>
        <translation>Open the record</translation>
    </message>
</context>
<context>
    <name>PerKommunModel</name>
    <message>
        <source>Utan kommun</source>
        <translation>No municipality</translation>
    </message>
    <message>
        <source>Kommun</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Brott i kedjan</source>
        <translation>Breaks in the chain</translation>
    </message>
    <message>
        <source>Synpunkter, problem, löften, åtgärder och dialoger där kedjan är bruten</source>
        <translation>Concerns, problems, promises, measures and dialogues where the chain is broken</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <source>&amp;Från:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>&amp;Till:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>Uppföljningsrapportens period</source>
        <translation>Period of the follow-up report</translation>
    </message>
</context>
<context>
    <name>PurgePreviewModel</name>
    <message>
        <source> (borttagen)</source>
        <translation> (deleted)</translation>
    </message>
    <message numerus="yes">
        <source>Sekretess, %n mån</source>
        <translation>
            <numerusform>Secret, %n month</numerusform>
            <numerusform>Secret, %n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mån</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message>
        <source>Typ</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Töms</source>
        <translation>Cleared</translation>
    </message>
    <message>
        <source>Gallringstid</source>
        <translation>Retention time</translation>
    </message>
</context>
<context>
    <name>QuickFollowUpDialog</name>
    <message numerus="yes">
        <source>Inställda åtgärder visas inte (%n).</source>
        <translation>
            <numerusform>A cancelled measure is not shown (%n).</numerusform>
            <numerusform>Cancelled measures are not shown (%n).</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Datum:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>&amp;Sammanfattning:</source>
        <translation>&amp;Summary:</translation>
    </message>
    <message>
        <source>&amp;Spara uppföljning</source>
        <translation>&amp;Save follow-up</translation>
    </message>
    <message>
        <source>&amp;Typ av uppföljning:</source>
        <translation>&amp;Kind of follow-up:</translation>
    </message>
    <message>
        <source>Ansvarig: {who}</source>
        <translation>Responsible: {who}</translation>
    </message>
    <message>
        <source>Kommentar</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Kommentar för {title}</source>
        <translation>Note for {title}</translation>
    </message>
    <message>
        <source>Kort om läget – inga personuppgifter om medborgare</source>
        <translation>Briefly how things stand – no personal data about citizens</translation>
    </message>
    <message>
        <source>Logga uppföljning</source>
        <translation>Log a follow-up</translation>
    </message>
    <message>
        <source>Logga uppföljning – {title}</source>
        <translation>Log a follow-up – {title}</translation>
    </message>
    <message>
        <source>Läser in löftet …</source>
        <translation>Loading the promise …</translation>
    </message>
    <message>
        <source>Löftet har inga åtgärder att följa upp.</source>
        <translation>The promise has no measures to follow up.</translation>
    </message>
    <message>
        <source>Löftets framsteg</source>
        <translation>The promise's progress</translation>
    </message>
    <message>
        <source>Löftets framsteg nu: {now}
Efter uppföljningen: {after}</source>
        <translation>The promise's progress now: {now}
After the follow-up: {after}</translation>
    </message>
    <message>
        <source>Markering</source>
        <translation>Mark</translation>
    </message>
    <message>
        <source>Markering för {title}</source>
        <translation>Mark for {title}</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Status för {title}</source>
        <translation>Status of {title}</translation>
    </message>
    <message>
        <source>Timmar</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Timmar för {title}</source>
        <translation>Hours for {title}</translation>
    </message>
    <message>
        <source>genomfört</source>
        <translation>done</translation>
    </message>
    <message>
        <source>inga åtgärder</source>
        <translation>no measures</translation>
    </message>
    <message>
        <source>ingen markering ännu</source>
        <translation>no mark yet</translation>
    </message>
    <message>
        <source>inställt</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>inte påbörjat</source>
        <translation>not started</translation>
    </message>
    <message>
        <source>pågår</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>{state}: {done} av {active} åtgärder genomförda</source>
        <translation>{state}: {done} of {active} measures done</translation>
    </message>
    <message>
        <source>{text}; samlad markering: {mark}</source>
        <translation>{text}; overall mark: {mark}</translation>
    </message>
    <message>
        <source>Åtgärd</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
</context>
<context>
    <name>RecordCountsModel</name>
    <message>
        <source>Typ av post</source>
        <translation>Record type</translation>
    </message>
    <message>
        <source>Aktiva</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Borttagna</source>
        <translation>Deleted</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>Registrerad av</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>Registrerad av %1</source>
        <translation>Recorded by %1</translation>
    </message>
    <message>
        <source>Sparstatus</source>
        <translation>Save status</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Välj en post i listan, eller skapa en ny med Ctrl+N.</source>
        <translation>Choose a record in the list, or create a new one with Ctrl+N.</translation>
    </message>
    <message>
        <source>Ny: %1</source>
        <translation>New: %1</translation>
    </message>
    <message>
        <source>Fler uppgifter</source>
        <translation>More details</translation>
    </message>
    <message>
        <source>Skriv inte personuppgifter om medborgare.</source>
        <translation>Do not enter personal data about citizens.</translation>
    </message>
    <message>
        <source>Välj %1</source>
        <translation>Choose %1</translation>
    </message>
    <message>
        <source>Lägg till…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Lägg till %1</source>
        <translation>Add %1</translation>
    </message>
    <message>
        <source>(utan text)</source>
        <translation>(no text)</translation>
    </message>
    <message>
        <source>Borttagen</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Ändrat – sparas strax</source>
        <translation>Changed – saving shortly</translation>
    </message>
    <message>
        <source>Sparat %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Inte sparat – rätta de markerade fälten</source>
        <translation>Not saved – correct the highlighted fields</translation>
    </message>
    <message>
        <source>Inte sparat</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>%1 togs bort</source>
        <translation>%1 deleted</translation>
    </message>
    <message>
        <source>Visa hela kedjan och var den är bruten (%1)</source>
        <translation>Show the whole chain and where it is broken (%1)</translation>
    </message>
    <message>
        <source>Visa kedjan</source>
        <translation>Show the chain</translation>
    </message>
</context>
<context>
    <name>RecordListView</name>
    <message>
        <source>Visa borttagna</source>
        <translation>Show deleted</translation>
    </message>
    <message>
        <source>&amp;Kommun:</source>
        <translation>&amp;Municipality:</translation>
    </message>
    <message>
        <source>&amp;Från:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>&amp;Till:</source>
        <translation>T&amp;o:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>St&amp;atus:</translation>
    </message>
    <message>
        <source>T&amp;ema:</source>
        <translation>T&amp;heme:</translation>
    </message>
    <message>
        <source>Läser in …</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Alla kommuner</source>
        <translation>All municipalities</translation>
    </message>
    <message>
        <source>Alla</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Alla teman</source>
        <translation>All themes</translation>
    </message>
    <message>
        <source>Mina kommuner</source>
        <translation>My municipalities</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>RecordSection</name>
    <message>
        <source>Vad som visas</source>
        <translation>What is shown</translation>
    </message>
    <message>
        <source>Ctrl+PgDown</source>
        <translation>Ctrl+PgDown</translation>
    </message>
    <message>
        <source>Ctrl+PgUp</source>
        <translation>Ctrl+PgUp</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Sök</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Sök i dialoger, synpunkter, möten, problem, löften och åtgärder</source>
        <translation>Search dialogues, concerns, meetings, problems, promises and measures</translation>
    </message>
    <message>
        <source>&amp;Sök:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>Sökresultat</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>Skriv för att söka.</source>
        <translation>Type to search.</translation>
    </message>
    <message>
        <source>Sökstatus</source>
        <translation>Search status</translation>
    </message>
    <message>
        <source>Söker…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>Inga träffar.</source>
        <translation>No matches.</translation>
    </message>
    <message numerus="yes">
        <source>%n träff(ar) visas.</source>
        <translation>
            <numerusform>%n match shown.</numerusform>
            <numerusform>%n matches shown.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sökningen är för lång. Korta ner texten.</source>
        <translation>The search is too long. Shorten the text.</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>{kind} ({count})</source>
        <translation>{kind} ({count})</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Allmänt</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Svenska</source>
        <translation>Swedish (svenska)</translation>
    </message>
    <message>
        <source>Engelska (English)</source>
        <translation>English</translation>
    </message>
    <message>
        <source>&amp;Språk:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>Datamapp:</source>
        <translation>Data folder:</translation>
    </message>
    <message>
        <source>Databasen</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Antal poster per typ</source>
        <translation>Number of records by type</translation>
    </message>
    <message>
        <source>Säkerhetskopior</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>&amp;Säkerhetskopiera nu</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <source>Återställ en kopia med kommandot: kommunpolis restore SÖKVÄG (stäng appen först; den nuvarande databasen sparas undan).</source>
        <translation>Restore a backup with the command: kommunpolis restore PATH (close the app first; the current database is set aside).</translation>
    </message>
    <message>
        <source>Säkerhetskopierar…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>Klart: {name}</source>
        <translation>Done: {name}</translation>
    </message>
    <message>
        <source>Det nya språket används när du startar om Kommunpolis.</source>
        <translation>The new language is used when you restart Kommunpolis.</translation>
    </message>
</context>
<context>
    <name>StatusActions</name>
    <message>
        <source>Återgå till %1</source>
        <translation>Return to %1</translation>
    </message>
    <message>
        <source>Markera som %1</source>
        <translation>Mark as %1</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Ogiltigt värde</source>
        <translation>Invalid value</translation>
    </message>
    <message>
        <source>Några fält behöver rättas</source>
        <translation>Some fields need correcting</translation>
    </message>
    <message>
        <source>Rätta de markerade fälten. Inget av det du skrivit har försvunnit.</source>
        <translation>Correct the marked fields. Nothing you typed has been lost.</translation>
    </message>
    <message>
        <source>Statusen kan inte ändras</source>
        <translation>The status cannot be changed</translation>
    </message>
    <message>
        <source>En post kan inte gå från ”{current}” till ”{target}”.</source>
        <translation>A record cannot go from “{current}” to “{target}”.</translation>
    </message>
    <message>
        <source>Posten finns inte</source>
        <translation>The record does not exist</translation>
    </message>
    <message>
        <source>Posten finns inte längre. Den kan ha tagits bort.</source>
        <translation>The record no longer exists. It may have been deleted.</translation>
    </message>
    <message>
        <source>Ingen profil</source>
        <translation>No profile</translation>
    </message>
    <message>
        <source>Skapa din profil innan du börjar registrera.</source>
        <translation>Create your profile before you start recording.</translation>
    </message>
    <message>
        <source>Profilen finns redan</source>
        <translation>The profile already exists</translation>
    </message>
    <message>
        <source>Det finns redan en profil för {name} på den här datorn.</source>
        <translation>There is already a profile for {name} on this computer.</translation>
    </message>
    <message>
        <source>Demodata läggs inte till</source>
        <translation>Demo data not added</translation>
    </message>
    <message>
        <source>Databasen innehåller redan {count} riktiga poster.</source>
        <translation>The database already holds {count} real records.</translation>
    </message>
    <message>
        <source>Filen är ingen giltig identitet</source>
        <translation>The file is not a valid identity</translation>
    </message>
    <message>
        <source>{path} kunde inte läsas som en Kommunpolis-identitet: {detail}</source>
        <translation>{path} could not be read as a Kommunpolis identity: {detail}</translation>
    </message>
    <message>
        <source>Nycklarna kunde inte sparas</source>
        <translation>The keys could not be saved</translation>
    </message>
    <message>
        <source>Nycklarna i {path} kunde inte sparas: {detail}</source>
        <translation>The keys in {path} could not be saved: {detail}</translation>
    </message>
    <message>
        <source>Nycklar saknas</source>
        <translation>Keys missing</translation>
    </message>
    <message>
        <source>Den här installationen har inga nycklar ännu ({path}). Skapa profilen först.</source>
        <translation>This installation has no keys yet ({path}). Create the profile first.</translation>
    </message>
    <message>
        <source>Det är din egen identitet</source>
        <translation>This is your own identity</translation>
    </message>
    <message>
        <source>Filen beskriver den här datorn. Lita på identiteter från andra installationer.</source>
        <translation>The file describes this computer. Trust identities from other installations.</translation>
    </message>
    <message>
        <source>Nycklarna stämmer inte</source>
        <translation>The keys do not match</translation>
    </message>
    <message>
        <source>Enheten {device} är betrodd med fingeravtrycket {trusted}, men filen har {offered}. Kontrollera med avsändaren och återkalla den gamla posten först.</source>
        <translation>Device {device} is trusted with the fingerprint {trusted}, but the file has {offered}. Check with the sender and revoke the old entry first.</translation>
    </message>
    <message>
        <source>Okänd avsändare</source>
        <translation>Unknown sender</translation>
    </message>
    <message>
        <source>Enheten {device} finns inte bland de betrodda.</source>
        <translation>Device {device} is not among the trusted ones.</translation>
    </message>
    <message>
        <source>Avsändaren är återkallad</source>
        <translation>The sender has been revoked</translation>
    </message>
    <message>
        <source>{path} kommer från {name} (fingeravtryck {fingerprint}), som inte är betrodd. Jämför fingeravtrycket med avsändaren innan du litar på den.</source>
        <translation>{path} comes from {name} (fingerprint {fingerprint}), who is not trusted. Compare the fingerprint with the sender before you trust it.</translation>
    </message>
    <message>
        <source>Paketet är inte till dig</source>
        <translation>The bundle is not for you</translation>
    </message>
    <message>
        <source>{path} kan inte öppnas med den här installationens nycklar: {reason}</source>
        <translation>{path} cannot be opened with this installation&apos;s keys: {reason}</translation>
    </message>
    <message>
        <source>Paketet kommer från en nyare version</source>
        <translation>The bundle comes from a newer version</translation>
    </message>
    <message>
        <source>{path} har paketformat {version}. Uppdatera Kommunpolis för att läsa det.</source>
        <translation>{path} has bundle format {version}. Update Kommunpolis to read it.</translation>
    </message>
    <message>
        <source>Paketet är skadat eller inget paket</source>
        <translation>The bundle is damaged or not a bundle</translation>
    </message>
    <message>
        <source>{path} godtas inte: {reason}. Inget har ändrats.</source>
        <translation>{path} is not accepted: {reason}. Nothing has been changed.</translation>
    </message>
    <message>
        <source>En bilaga kunde inte sparas</source>
        <translation>An attachment could not be stored</translation>
    </message>
    <message>
        <source>En bilaga i {path} kunde inte sparas: {detail}. Inget har importerats.</source>
        <translation>An attachment in {path} could not be stored: {detail}. Nothing was imported.</translation>
    </message>
    <message>
        <source>Importen skulle radera mycket</source>
        <translation>The import would delete a lot</translation>
    </message>
    <message>
        <source>{path} skulle radera {deleting} av de {live} posterna här. Inget har importerats. Kontrollera med avsändaren; är det avsiktligt, importera igen och tillåt raderingarna.</source>
        <translation>{path} would delete {deleting} of the {live} records here. Nothing was imported. Check with the sender; if it is intended, import again and allow the deletions.</translation>
    </message>
    <message>
        <source>Konflikten finns inte</source>
        <translation>No such conflict</translation>
    </message>
    <message>
        <source>Ingen öppen konflikt har id {id}. Den kan redan vara löst.</source>
        <translation>No open conflict has the id {id}. It may already be resolved.</translation>
    </message>
    <message>
        <source>Paketet kunde inte skrivas</source>
        <translation>The bundle could not be written</translation>
    </message>
    <message>
        <source>Dokumentet kunde inte sparas</source>
        <translation>The document could not be saved</translation>
    </message>
    <message>
        <source>Inte för medborgare</source>
        <translation>Not for citizens</translation>
    </message>
    <message>
        <source>Posten är markerad som intern eller sekretess. Ett dokument till medborgare kan inte göras av den förrän den är markerad som öppen.</source>
        <translation>The record is marked internal or secret. A document for citizens cannot be made from it until it is marked open.</translation>
    </message>
    <message>
        <source>{path} kunde inte skrivas: {detail}. Ingen halvfärdig fil finns kvar.</source>
        <translation>{path} could not be written: {detail}. No half-written file is left.</translation>
    </message>
    <message>
        <source>Säkerhetskopian misslyckades</source>
        <translation>The backup failed</translation>
    </message>
    <message>
        <source>Säkerhetskopian kunde inte sparas i {target}.

{detail}</source>
        <translation>The backup could not be saved in {target}.

{detail}</translation>
    </message>
    <message>
        <source>Något gick fel</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>Databasen är skadad</source>
        <translation>The database is damaged</translation>
    </message>
    <message>
        <source>Filen {path} är skadad eller är inte en Kommunpolis-databas.

Återställ en säkerhetskopia från mappen backups bredvid filen, eller flytta filen till en annan mapp och starta Kommunpolis igen. Filen har inte ändrats.</source>
        <translation>The file {path} is damaged or is not a Kommunpolis database.

Restore a backup from the backups folder next to the file, or move the file to another folder and start Kommunpolis again. The file has not been changed.</translation>
    </message>
    <message>
        <source>Databasen är låst</source>
        <translation>The database is locked</translation>
    </message>
    <message>
        <source>Ett annat program använder {path}.

Stäng andra Kommunpolis-fönster eller kommandon och försök igen.</source>
        <translation>Another program is using {path}.

Close other Kommunpolis windows or commands and try again.</translation>
    </message>
    <message>
        <source>Databasen kan inte sparas</source>
        <translation>The database cannot be saved</translation>
    </message>
    <message>
        <source>Kommunpolis får inte skriva till {path}.

Kontrollera behörigheterna för filen och mappen, eller starta Kommunpolis med --data-dir och en annan mapp.</source>
        <translation>Kommunpolis is not allowed to write to {path}.

Check the permissions of the file and its folder, or start Kommunpolis with --data-dir and another folder.</translation>
    </message>
    <message>
        <source>Disken är full</source>
        <translation>The disk is full</translation>
    </message>
    <message>
        <source>Det finns inte plats att spara i {path}.

Frigör utrymme på disken och försök igen.</source>
        <translation>There is no room to save in {path}.

Free some space on the disk and try again.</translation>
    </message>
    <message>
        <source>Databasen kommer från en nyare version</source>
        <translation>The database comes from a newer version</translation>
    </message>
    <message>
        <source>Filen {path} har skapats av en nyare version av Kommunpolis (schema {revision}).

Uppdatera Kommunpolis för att öppna den. Filen har inte ändrats.</source>
        <translation>The file {path} was made by a newer version of Kommunpolis (schema {revision}).

Update Kommunpolis to open it. The file has not been changed.</translation>
    </message>
    <message>
        <source>Databasen kan inte användas</source>
        <translation>The database cannot be used</translation>
    </message>
    <message>
        <source>Filen {path} kan inte användas.</source>
        <translation>The file {path} cannot be used.</translation>
    </message>
    <message>
        <source>Ange ditt namn.</source>
        <translation>Enter your name.</translation>
    </message>
    <message>
        <source>Namnet är för långt.</source>
        <translation>The name is too long.</translation>
    </message>
    <message>
        <source>Välj en roll.</source>
        <translation>Choose a role.</translation>
    </message>
    <message>
        <source>Någon av de valda kommunerna finns inte i listan.</source>
        <translation>One of the chosen municipalities is not in the list.</translation>
    </message>
    <message>
        <source>Värdet godtas inte ({field}).</source>
        <translation>The value is not accepted ({field}).</translation>
    </message>
    <message>
        <source>Kommunpolis – oväntat fel</source>
        <translation>Kommunpolis – unexpected error</translation>
    </message>
    <message>
        <source>Ett oväntat fel inträffade i Kommunpolis.</source>
        <translation>An unexpected error occurred in Kommunpolis.</translation>
    </message>
    <message>
        <source>Detaljerna har sparats i {path}.</source>
        <translation>The details have been saved in {path}.</translation>
    </message>
    <message>
        <source>Detaljerna kunde inte sparas i en fil.</source>
        <translation>The details could not be saved to a file.</translation>
    </message>
    <message>
        <source>Det du redan har sparat finns kvar. Starta om Kommunpolis om något inte fungerar, och skicka gärna detaljerna till den som förvaltar programmet.</source>
        <translation>What you have already saved is still there. Restart Kommunpolis if something does not work, and please send the details to whoever maintains the program.</translation>
    </message>
    <message>
        <source>Förhandsgranska igen</source>
        <translation>Preview again</translation>
    </message>
    <message>
        <source>Gallringstiderna har ändrats sedan förhandsgranskningen. Förhandsgranska igen innan du gallrar. Inget har tömts.</source>
        <translation>The retention times changed since the preview. Preview again before disposing. Nothing was cleared.</translation>
    </message>
    <message>
        <source>CSV-filen kunde inte sparas</source>
        <translation>The CSV file could not be saved</translation>
    </message>
</context>
<context>
    <name>AggregateModel</name>
    <message>
        <source>Vad</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Personer</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Synpunkter</source>
        <translation>Concerns</translation>
    </message>
    <message>
        <source>Dialoger</source>
        <translation>Dialogues</translation>
    </message>
    <message>
        <source>Föregående period</source>
        <translation>Previous period</translation>
    </message>
    <message>
        <source>Förändring</source>
        <translation>Change</translation>
    </message>
</context>
<context>
    <name>RankedProblemModel</name>
    <message>
        <source>Rang</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Synpunkter</source>
        <translation>Concerns</translation>
    </message>
</context>
<context>
    <name>SituationBuilder</name>
    <message>
        <source>{theme} vid {place}</source>
        <translation>{theme} at {place}</translation>
    </message>
    <message>
        <source>(ingen plats)</source>
        <translation>(no place)</translation>
    </message>
    <message>
        <source>Teman (antal som tagit upp)</source>
        <translation>Themes (number who raised them)</translation>
    </message>
    <message>
        <source>Antal som tagit upp</source>
        <translation>Number who raised it</translation>
    </message>
    <message>
        <source>vecka</source>
        <translation>week</translation>
    </message>
    <message>
        <source>månad</source>
        <translation>month</translation>
    </message>
    <message>
        <source>Över tid (antal som tagit upp per {step})</source>
        <translation>Over time (number who raised them per {step})</translation>
    </message>
    <message>
        <source>Perioden</source>
        <translation>The period</translation>
    </message>
    <message>
        <source>Snitt föregående period</source>
        <translation>Average of the previous period</translation>
    </message>
    <message>
        <source>Synpunkter per plats (de {n} största)</source>
        <translation>Concerns per place (the {n} largest)</translation>
    </message>
    <message>
        <source>Synpunkter</source>
        <translation>Concerns</translation>
    </message>
    <message>
        <source>Diagram: teman</source>
        <translation>Chart: themes</translation>
    </message>
    <message>
        <source>Diagram: över tid</source>
        <translation>Chart: over time</translation>
    </message>
    <message>
        <source>Diagram: platser</source>
        <translation>Chart: places</translation>
    </message>
</context>
<context>
    <name>SituationBuilderPage</name>
    <message>
        <source>Urval</source>
        <translation>Selection</translation>
    </message>
    <message>
        <source>Kommun</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Lokalpolisområde</source>
        <translation>Local police district</translation>
    </message>
    <message>
        <source>Platser</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>Alla</source>
        <translation>All</translation>
    </message>
    <message>
        <source>&amp;Sammanställ</source>
        <translation>&amp;Compile</translation>
    </message>
    <message>
        <source>&amp;Urval:</source>
        <translation>&amp;Selection:</translation>
    </message>
    <message>
        <source>&amp;Kommun:</source>
        <translation>&amp;Municipality:</translation>
    </message>
    <message>
        <source>&amp;Lokalpolisområde:</source>
        <translation>&amp;Local police district:</translation>
    </message>
    <message>
        <source>Fr&amp;ån:</source>
        <translation>F&amp;rom:</translation>
    </message>
    <message>
        <source>&amp;Till:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>&amp;Platser:</source>
        <translation>&amp;Places:</translation>
    </message>
    <message>
        <source>Sammanställning</source>
        <translation>Compilation</translation>
    </message>
    <message>
        <source>Teman</source>
        <translation>Themes</translation>
    </message>
    <message>
        <source>Tema och plats</source>
        <translation>Theme and place</translation>
    </message>
    <message>
        <source>Tidsmönster</source>
        <translation>Time pattern</translation>
    </message>
    <message>
        <source>Dialogformer</source>
        <translation>Dialogue formats</translation>
    </message>
    <message>
        <source>&amp;Rubrik för nytt problem:</source>
        <translation>Title of the new p&amp;roblem:</translation>
    </message>
    <message>
        <source>Skapa &amp;problem av markerad rad</source>
        <translation>Create &amp;problem from the selected row</translation>
    </message>
    <message>
        <source>Lägesbild</source>
        <translation>Situation picture</translation>
    </message>
    <message>
        <source>&amp;Lägesbild:</source>
        <translation>Situation &amp;picture:</translation>
    </message>
    <message>
        <source>R&amp;ubrik:</source>
        <translation>T&amp;itle:</translation>
    </message>
    <message>
        <source>Spara lägesbild för urvalet</source>
        <translation>Save the situation picture for the selection</translation>
    </message>
    <message>
        <source>Rangordnade problem</source>
        <translation>Ranked problems</translation>
    </message>
    <message>
        <source>Rangordnade pro&amp;blem:</source>
        <translation>Ranked pro&amp;blems:</translation>
    </message>
    <message>
        <source>Flytta &amp;upp</source>
        <translation>Move &amp;up</translation>
    </message>
    <message>
        <source>Flytta &amp;ned</source>
        <translation>Move &amp;down</translation>
    </message>
    <message>
        <source>Källor</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>&amp;Källor:</source>
        <translation>Sour&amp;ces:</translation>
    </message>
    <message>
        <source>Sammanställer…</source>
        <translation>Compiling…</translation>
    </message>
    <message>
        <source>(ny lägesbild)</source>
        <translation>(new situation picture)</translation>
    </message>
    <message>
        <source>{weight} personer tog upp {concerns} synpunkter i {dialogues} dialoger ({start} – {end}); föregående period: {before}.</source>
        <translation>{weight} people raised {concerns} concerns in {dialogues} dialogues ({start} – {end}); previous period: {before}.</translation>
    </message>
    <message>
        <source>{text} – endast polis</source>
        <translation>{text} – police only</translation>
    </message>
    <message>
        <source>Problemet ”{title}” skapades med {count} synpunkter som underlag.</source>
        <translation>The problem “{title}” was created with {count} concerns as evidence.</translation>
    </message>
</context>
<context>
    <name>ConflictListModel</name>
    <message>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Fält</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Upptäckt</source>
        <translation>Detected</translation>
    </message>
    <message>
        <source>(utan titel)</source>
        <translation>(untitled)</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>Inga öppna konflikter. Allt som importerats har gått ihop.</source>
        <translation>No open conflicts. Everything imported has merged.</translation>
    </message>
    <message>
        <source>Öppna konflikter</source>
        <translation>Open conflicts</translation>
    </message>
    <message>
        <source>Välj vilket värde som ska gälla</source>
        <translation>Choose which value applies</translation>
    </message>
    <message>
        <source>&amp;Nuvarande värde</source>
        <translation>&amp;Current value</translation>
    </message>
    <message>
        <source>&amp;Andra värdet</source>
        <translation>&amp;Other value</translation>
    </message>
    <message>
        <source>Nuvarande värde</source>
        <translation>Current value</translation>
    </message>
    <message>
        <source>Andra värdet</source>
        <translation>Other value</translation>
    </message>
    <message>
        <source>Behåll nuvarande</source>
        <translation>Keep current</translation>
    </message>
    <message>
        <source>Välj det andra</source>
        <translation>Choose the other</translation>
    </message>
    <message>
        <source>Öppna posten</source>
        <translation>Open the record</translation>
    </message>
    <message>
        <source>{kind} ”{title}”: {field}</source>
        <translation>{kind} “{title}”: {field}</translation>
    </message>
    <message>
        <source>(utan titel)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>ändrat här</source>
        <translation>changed here</translation>
    </message>
    <message>
        <source>från det importerade paketet</source>
        <translation>from the imported bundle</translation>
    </message>
    <message>
        <source>Konflikten är löst</source>
        <translation>The conflict is resolved</translation>
    </message>
</context>
<context>
    <name>ContentPage</name>
    <message>
        <source>Innehåll</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Vad ska paketet innehålla?</source>
        <translation>What should the bundle contain?</translation>
    </message>
    <message>
        <source>Ändringar (rekommenderas)</source>
        <translation>Changes (recommended)</translation>
    </message>
    <message>
        <source>Allt som ändrats sedan förra exporten till mottagaren, även borttagningar. Första gången till en mottagare blir det allt.</source>
        <translation>Everything changed since the last export to the recipient, deletions included. The first time to a recipient, that is everything.</translation>
    </message>
    <message>
        <source>Allt (fullständig export)</source>
        <translation>Everything (full export)</translation>
    </message>
    <message>
        <source>Alla poster, även borttagna. Använd om mottagaren har tappat bort paket.</source>
        <translation>Every record, deleted ones included. Use it if the recipient has lost bundles.</translation>
    </message>
    <message>
        <source>Ta med källor som bara är för polisen</source>
        <translation>Include police-only sources</translation>
    </message>
    <message>
        <source>Varning: polisiära underrättelser och andra källor markerade ”endast polis” kommer med i paketet. Skicka det bara till polisens egna installationer.</source>
        <translation>Warning: police intelligence and other sources marked “police only” will be in the bundle. Send it only to the police&apos;s own installations.</translation>
    </message>
</context>
<context>
    <name>CoordinatorPanel</name>
    <message>
        <source>Paket som importerats hit, per avsändare.</source>
        <translation>Bundles imported here, by sender.</translation>
    </message>
    <message>
        <source>Per avsändare</source>
        <translation>By sender</translation>
    </message>
    <message>
        <source>Inga paket har importerats hit ännu.</source>
        <translation>No bundles have been imported here yet.</translation>
    </message>
    <message>
        <source>Per kommun och kommunpolis</source>
        <translation>By municipality and community police officer</translation>
    </message>
    <message>
        <source>Vad som kommit in från varje kommunpolis: senaste paketet, hur många poster, öppna konflikter, poster som väntar på sina kopplingar och paket som saknas.</source>
        <translation>What has arrived from each community police officer: the latest bundle, how many records, open conflicts, records waiting for what they link to, and missing bundles.</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <source>Kopplingar mellan poster</source>
        <translation>Links between records</translation>
    </message>
</context>
<context>
    <name>ExportPanel</name>
    <message>
        <source>Exportera dina poster som en signerad och krypterad paketfil (.kpb) till regionkontoret eller en annan installation du litar på. Paketet kan bara öppnas av mottagarna; ett borttappat USB-minne avslöjar ingenting.</source>
        <translation>Export your records as a signed and encrypted bundle file (.kpb) to the regional office or another installation you trust. Only the recipients can open the bundle; a lost USB stick reveals nothing.</translation>
    </message>
    <message>
        <source>Exportera paket…</source>
        <translation>Export bundle…</translation>
    </message>
    <message>
        <source>Senaste exporterna</source>
        <translation>Latest exports</translation>
    </message>
    <message>
        <source>Inget har exporterats från den här installationen ännu.</source>
        <translation>Nothing has been exported from this installation yet.</translation>
    </message>
    <message>
        <source>Med lösenfras</source>
        <translation>With a passphrase</translation>
    </message>
    <message numerus="yes">
        <source>{who}: {when}, paket nummer {number} (%n paket totalt)</source>
        <translation>
            <numerusform>{who}: {when}, bundle number {number} (%n bundle in all)</numerusform>
            <numerusform>{who}: {when}, bundle number {number} (%n bundles in all)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportWizard</name>
    <message>
        <source>Exportera paket</source>
        <translation>Export bundle</translation>
    </message>
    <message>
        <source>&amp;Nästa &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Tillbaka</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Klar</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Listan kunde inte läsas.</source>
        <translation>The list could not be read.</translation>
    </message>
    <message>
        <source>losenfras</source>
        <translation>passphrase</translation>
    </message>
    <message>
        <source>flera</source>
        <translation>several</translation>
    </message>
    <message>
        <source>med lösenfras</source>
        <translation>with a passphrase</translation>
    </message>
    <message>
        <source>till {names}</source>
        <translation>to {names}</translation>
    </message>
    <message>
        <source>allt</source>
        <translation>everything</translation>
    </message>
    <message>
        <source>ändringar sedan förra exporten</source>
        <translation>the changes since the last export</translation>
    </message>
    <message>
        <source>Paketet krypteras {to} och innehåller {what}.</source>
        <translation>The bundle is encrypted {to} and contains {what}.</translation>
    </message>
    <message>
        <source>Källor endast för polisen är MED.</source>
        <translation>Police-only sources are INCLUDED.</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Fil</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Spara paketet på USB-minnet eller i en mapp du skickar det från.</source>
        <translation>Save the bundle on the USB stick or in a folder you send it from.</translation>
    </message>
    <message>
        <source>&amp;Spara som:</source>
        <translation>&amp;Save as:</translation>
    </message>
    <message>
        <source>Välj…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Exportera</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Spara paketet</source>
        <translation>Save the bundle</translation>
    </message>
    <message>
        <source>Kommunpolis-paket (*.kpb)</source>
        <translation>Kommunpolis bundles (*.kpb)</translation>
    </message>
</context>
<context>
    <name>IdentitiesPanel</name>
    <message>
        <source>Den här installationen</source>
        <translation>This installation</translation>
    </message>
    <message>
        <source>Fingeravtryck (läs upp det för mottagaren):</source>
        <translation>Fingerprint (read it aloud to the recipient):</translation>
    </message>
    <message>
        <source>Ditt fingeravtryck</source>
        <translation>Your fingerprint</translation>
    </message>
    <message>
        <source>Spara min identitetsfil…</source>
        <translation>Save my identity file…</translation>
    </message>
    <message>
        <source>Ge identitetsfilen till dem som ska ta emot dina paket eller skicka paket till dig. Jämför fingeravtrycket muntligt, till exempel i telefon.</source>
        <translation>Give the identity file to those who will receive your bundles or send bundles to you. Compare the fingerprint by voice, for example on the phone.</translation>
    </message>
    <message>
        <source>Betrodda installationer</source>
        <translation>Trusted installations</translation>
    </message>
    <message>
        <source>Lita på en identitetsfil…</source>
        <translation>Trust an identity file…</translation>
    </message>
    <message>
        <source>Återkalla…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <source>Enhet: {device}</source>
        <translation>Device: {device}</translation>
    </message>
    <message>
        <source>Spara min identitetsfil</source>
        <translation>Save my identity file</translation>
    </message>
    <message>
        <source>Identitetsfiler (*.json)</source>
        <translation>Identity files (*.json)</translation>
    </message>
    <message>
        <source>Identitetsfilen är sparad</source>
        <translation>The identity file is saved</translation>
    </message>
    <message>
        <source>{path}
Fingeravtryck: {fingerprint}</source>
        <translation>{path}
Fingerprint: {fingerprint}</translation>
    </message>
    <message>
        <source>Lita på en identitetsfil</source>
        <translation>Trust an identity file</translation>
    </message>
    <message>
        <source>Identitetsfiler (*.json);;Alla filer (*)</source>
        <translation>Identity files (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>Fel identitetsfil</source>
        <translation>Wrong identity file</translation>
    </message>
    <message>
        <source>Filen har fingeravtrycket {found}, men paketet kommer från {expected}. Ingenting har ändrats.</source>
        <translation>The file has the fingerprint {found}, but the bundle comes from {expected}. Nothing was changed.</translation>
    </message>
    <message>
        <source>Lita på {name}?</source>
        <translation>Trust {name}?</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;Fingeravtryck:&lt;br&gt;&lt;tt style=&apos;font-size:large&apos;&gt;{fp}&lt;/tt&gt;</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;Fingerprint:&lt;br&gt;&lt;tt style=&apos;font-size:large&apos;&gt;{fp}&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>Be {name} läsa upp sitt fingeravtryck (det står under Utbyte → Identiteter). Lita bara på filen om det är exakt samma.</source>
        <translation>Ask {name} to read their fingerprint aloud (it is under Exchange → Identities). Trust the file only if it is exactly the same.</translation>
    </message>
    <message>
        <source>Samma – lita på</source>
        <translation>The same – trust</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{name} är betrodd</source>
        <translation>{name} is trusted</translation>
    </message>
    <message>
        <source>Fingeravtryck {fingerprint}</source>
        <translation>Fingerprint {fingerprint}</translation>
    </message>
    <message>
        <source>Återkalla {name}?</source>
        <translation>Revoke {name}?</translation>
    </message>
    <message>
        <source>Paket från {name} godtas inte längre, och du kan inte exportera till installationen. Posterna som redan kommit in finns kvar.</source>
        <translation>Bundles from {name} are no longer accepted, and you cannot export to the installation. The records that already arrived stay.</translation>
    </message>
    <message>
        <source>Återkalla</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>{name} är återkallad</source>
        <translation>{name} is revoked</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <source>Ett kvitto till avsändarna: när de importerar det ser de vilka paket som kom fram och vad de ändrade här.</source>
        <translation>A receipt for the senders: when they import it they see which bundles arrived and what they changed here.</translation>
    </message>
    <message>
        <source>Kommunpolis-paket (*.kpb)</source>
        <translation>Kommunpolis bundles (*.kpb)</translation>
    </message>
    <message>
        <source>Kvittot är sparat</source>
        <translation>The receipt is saved</translation>
    </message>
    <message>
        <source>Skriv &amp;kvitto…</source>
        <translation>Write &amp;receipt…</translation>
    </message>
    <message>
        <source>Spara kvittot</source>
        <translation>Save the receipt</translation>
    </message>
    <message>
        <source>{path}: ge det till avsändaren. När det importeras där syns vilka paket som kommit fram.</source>
        <translation>{path}: give it to the sender. When it is imported there, it shows which bundles arrived.</translation>
    </message>
    <message>
        <source>Paket {n} från {name} saknas.</source>
        <translation>Bundle {n} from {name} is missing.</translation>
    </message>
    <message>
        <source>Välj en eller flera paketfiler (.kpb), eller dra dem hit. Först visas vad importen skulle göra; ingenting ändras förrän du trycker Importera.</source>
        <translation>Choose one or more bundle files (.kpb), or drag them here. First you see what the import would do; nothing changes until you press Import.</translation>
    </message>
    <message>
        <source>Välj paketfiler…</source>
        <translation>Choose bundle files…</translation>
    </message>
    <message>
        <source>Inga filer valda.</source>
        <translation>No files chosen.</translation>
    </message>
    <message>
        <source>&amp;Lösenfras (bara för paket som krypterats med lösenfras):</source>
        <translation>&amp;Passphrase (only for bundles encrypted with a passphrase):</translation>
    </message>
    <message>
        <source>Avsändarens fingeravtryck</source>
        <translation>The sender&apos;s fingerprint</translation>
    </message>
    <message>
        <source>Välj avsändarens identitetsfil…</source>
        <translation>Choose the sender&apos;s identity file…</translation>
    </message>
    <message>
        <source>Tillåt raderingarna och förhandsgranska igen</source>
        <translation>Allow the deletions and preview again</translation>
    </message>
    <message>
        <source>Förhandsgranskning av importen</source>
        <translation>Preview of the import</translation>
    </message>
    <message>
        <source>Rensa</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Importera</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Välj paketfiler</source>
        <translation>Choose bundle files</translation>
    </message>
    <message>
        <source>Kommunpolis-paket (*.kpb);;Alla filer (*)</source>
        <translation>Kommunpolis bundles (*.kpb);;All files (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n fil(er): {names}</source>
        <translation>
            <numerusform>%n file: {names}</numerusform>
            <numerusform>%n files: {names}</numerusform>
        </translation>
    </message>
    <message>
        <source>Posterna finns nu i databasen.</source>
        <translation>The records are now in the database.</translation>
    </message>
    <message numerus="yes">
        <source>%n konflikt(er) väntar på ett beslut under Konflikter.</source>
        <translation>
            <numerusform>%n conflict awaits a decision under Conflicts.</numerusform>
            <numerusform>%n conflicts await a decision under Conflicts.</numerusform>
        </translation>
    </message>
    <message>
        <source>Importen är klar</source>
        <translation>The import is done</translation>
    </message>
    <message>
        <source>Redan importerat</source>
        <translation>Already imported</translation>
    </message>
    <message>
        <source>Alla valda paket är redan importerade. Inget skulle ändras.</source>
        <translation>All the chosen bundles are already imported. Nothing would change.</translation>
    </message>
    <message>
        <source>Förhandsgranskning</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Så här skulle importen bli. Inget har ändrats ännu.</source>
        <translation>This is what the import would do. Nothing has changed yet.</translation>
    </message>
    <message>
        <source>{name} är inte betrodd här. Be {name} läsa upp sitt fingeravtryck och jämför med det här. Stämmer det, välj {name}s identitetsfil för att lita på avsändaren; sedan förhandsgranskas paketet igen.</source>
        <translation>{name} is not trusted here. Ask {name} to read their fingerprint aloud and compare it with this one. If it matches, choose {name}&apos;s identity file to trust the sender; the bundle is then previewed again.</translation>
    </message>
    <message>
        <source>{file} skulle radera {deleting} av de {live} posterna här. Är det avsiktligt? Fråga avsändaren om du är osäker.</source>
        <translation>{file} would delete {deleting} of the {live} records here. Is that intended? Ask the sender if you are unsure.</translation>
    </message>
    <message>
        <source>Avsändarens identitetsfil</source>
        <translation>The sender&apos;s identity file</translation>
    </message>
    <message>
        <source>Identitetsfiler (*.json);;Alla filer (*)</source>
        <translation>Identity files (*.json);;All files (*)</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message numerus="yes">
        <source>Kvitto: %n av dina paket kom fram</source>
        <translation>
            <numerusform>Receipt: %n of your bundles arrived</numerusform>
            <numerusform>Receipt: %n of your bundles arrived</numerusform>
        </translation>
    </message>
    <message>
        <source>{sender} – {file}</source>
        <translation>{sender} – {file}</translation>
    </message>
    <message>
        <source>Redan importerat {when}</source>
        <translation>Already imported {when}</translation>
    </message>
    <message>
        <source>Importerat</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Nytt paket</source>
        <translation>New bundle</translation>
    </message>
    <message>
        <source>Avsändare och fil</source>
        <translation>Sender and file</translation>
    </message>
    <message>
        <source>Paket nr</source>
        <translation>Bundle no.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Nya</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Ändrade</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Oförändrade</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Konflikter</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Borttagna</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Väntar</source>
        <translation>Waiting</translation>
    </message>
</context>
<context>
    <name>OfficerWorkModel</name>
    <message>
        <source>Kommun</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Registrerat av</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>Dialoger</source>
        <translation>Dialogues</translation>
    </message>
    <message>
        <source>Synpunkter</source>
        <translation>Concerns</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>Löften</source>
        <translation>Promises</translation>
    </message>
    <message>
        <source>Senast ändrat</source>
        <translation>Last changed</translation>
    </message>
    <message>
        <source>{name} (du)</source>
        <translation>{name} (you)</translation>
    </message>
</context>
<context>
    <name>RecipientsPage</name>
    <message>
        <source>Mottagare</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <source>Paketet krypteras så att bara mottagarna kan öppna det.</source>
        <translation>The bundle is encrypted so that only the recipients can open it.</translation>
    </message>
    <message>
        <source>Till betrodda installationer</source>
        <translation>To trusted installations</translation>
    </message>
    <message>
        <source>Med en lösenfras (en kommunal samverkanspart utan nycklar)</source>
        <translation>With a passphrase (a municipal partner without keys)</translation>
    </message>
    <message>
        <source>Betrodda mottagare</source>
        <translation>Trusted recipients</translation>
    </message>
    <message>
        <source>Inga betrodda installationer ännu. Lita på mottagarens identitetsfil under Identiteter, eller välj en lösenfras.</source>
        <translation>No trusted installations yet. Trust the recipient&apos;s identity file under Identities, or choose a passphrase.</translation>
    </message>
    <message>
        <source>&amp;Lösenfras:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Upprepa lösenfrasen:</source>
        <translation>&amp;Repeat the passphrase:</translation>
    </message>
    <message>
        <source>aldrig exporterat till</source>
        <translation>never exported to</translation>
    </message>
    <message>
        <source>senast {when}, paket {number}</source>
        <translation>last {when}, bundle {number}</translation>
    </message>
    <message>
        <source>Minst {n} tecken. Lämna lösenfrasen på ett annat sätt än paketet, till exempel i telefon.</source>
        <translation>At least {n} characters. Hand over the passphrase another way than the bundle, for example by phone.</translation>
    </message>
    <message>
        <source>Lösenfraserna är inte lika.</source>
        <translation>The passphrases differ.</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Börja om</source>
        <translation>Start over</translation>
    </message>
    <message>
        <source>Paketet skrivs och läses sedan tillbaka för kontroll. Ta inte ut USB-minnet.</source>
        <translation>The bundle is being written and then read back to check it. Do not remove the USB stick.</translation>
    </message>
    <message>
        <source>Klart</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Paketet är skrivet och kontrollerat</source>
        <translation>The bundle is written and checked</translation>
    </message>
    <message>
        <source>Paketet lästes tillbaka och kontrollerades. Du kan tryggt ta ut USB-minnet.</source>
        <translation>The bundle was read back and checked. It is safe to remove the USB stick.</translation>
    </message>
    <message>
        <source>Fil: {path}</source>
        <translation>File: {path}</translation>
    </message>
    <message>
        <source>Paket nummer {sequence} från den här installationen, {size} kB</source>
        <translation>Bundle number {sequence} from this installation, {size} kB</translation>
    </message>
    <message numerus="yes">
        <source>Fullständig export: %n poster</source>
        <translation>
            <numerusform>Full export: %n record</numerusform>
            <numerusform>Full export: %n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Första exporten till mottagaren: %n poster</source>
        <translation>
            <numerusform>First export to the recipient: %n record</numerusform>
            <numerusform>First export to the recipient: %n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n poster har ändrats sedan förra exporten</source>
        <translation>
            <numerusform>%n record has changed since the last export</numerusform>
            <numerusform>%n records have changed since the last export</numerusform>
        </translation>
    </message>
    <message>
        <source>Inget har ändrats sedan förra exporten. Paketet bär bara sitt nummer, så att mottagaren ser att inget saknas.</source>
        <translation>Nothing has changed since the last export. The bundle only carries its number, so that the recipient sees that nothing is missing.</translation>
    </message>
    <message>
        <source>Källor som bara är för polisen är MED i paketet.</source>
        <translation>Police-only sources are INCLUDED in the bundle.</translation>
    </message>
    <message>
        <source>Inget paket skrevs, och inget har ändrats.</source>
        <translation>No bundle was written, and nothing has changed.</translation>
    </message>
</context>
<context>
    <name>SenderModel</name>
    <message>
        <source>Avsändare</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>Senaste paket skapat</source>
        <translation>Latest bundle created</translation>
    </message>
    <message>
        <source>Importerat</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Paket</source>
        <translation>Bundles</translation>
    </message>
    <message>
        <source>Poster</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Konflikter</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Väntar</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Saknade paket</source>
        <translation>Missing bundles</translation>
    </message>
</context>
<context>
    <name>TrustListModel</name>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Fingeravtryck</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>Enhet</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Betrodd sedan</source>
        <translation>Trusted since</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Återkallad {when}</source>
        <translation>Revoked {when}</translation>
    </message>
    <message>
        <source>Betrodd</source>
        <translation>Trusted</translation>
    </message>
</context>
<context>
    <name>AttentionSections</name>
    <message>
        <source>Alla antagna löften har en hel kedja.</source>
        <translation>Every adopted promise has a whole chain.</translation>
    </message>
    <message>
        <source>Alla genomförda dialoger är återkopplade.</source>
        <translation>Every dialogue held has been reported back on.</translation>
    </message>
    <message>
        <source>Alla prioriterade problem har en åtgärd.</source>
        <translation>Every prioritised problem has a measure.</translation>
    </message>
    <message>
        <source>Alla protokoll är justerade.</source>
        <translation>All minutes are approved.</translation>
    </message>
    <message>
        <source>Alla synpunkter är kopplade till ett problem.</source>
        <translation>Every concern is linked to a problem.</translation>
    </message>
    <message>
        <source>Dialoger utan återkoppling</source>
        <translation>Dialogues without feedback</translation>
    </message>
    <message>
        <source>Inga åtgärder är försenade eller saknar uppföljning.</source>
        <translation>No measure is overdue or lacks a follow-up.</translation>
    </message>
    <message>
        <source>Inget ska följas upp de närmaste 14 dagarna.</source>
        <translation>Nothing is due for follow-up in the next 14 days.</translation>
    </message>
    <message>
        <source>Inom 14 d</source>
        <translation>Within 14 d</translation>
    </message>
    <message>
        <source>Löften</source>
        <translation>Promises</translation>
    </message>
    <message>
        <source>Löften med brutna kedjor</source>
        <translation>Promises with broken chains</translation>
    </message>
    <message>
        <source>Prioriterade problem utan åtgärd</source>
        <translation>Prioritised problems without a measure</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>Protokoll</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Protokoll ej justerade</source>
        <translation>Minutes not approved</translation>
    </message>
    <message>
        <source>Synpunkter</source>
        <translation>Concerns</translation>
    </message>
    <message>
        <source>Synpunkter utan problem</source>
        <translation>Concerns without a problem</translation>
    </message>
    <message>
        <source>Uppföljning inom 14 dagar</source>
        <translation>Follow-up within 14 days</translation>
    </message>
    <message>
        <source>Återkoppling</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>Åtgärder</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>Åtgärder försenade eller utan uppföljning</source>
        <translation>Measures overdue or without follow-up</translation>
    </message>
</context>
<context>
    <name>ChainBreaks</name>
    <message>
        <source>Aldrig uppföljd</source>
        <translation>Never followed up</translation>
    </message>
    <message>
        <source>Försenad</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Inga synpunkter</source>
        <translation>No concerns</translation>
    </message>
    <message>
        <source>Ingen part har lovat något</source>
        <translation>No party has promised anything</translation>
    </message>
    <message>
        <source>Ingen synpunkt stöder problemet</source>
        <translation>No concern supports the problem</translation>
    </message>
    <message>
        <source>Ingen åtgärd</source>
        <translation>No measure</translation>
    </message>
    <message>
        <source>Ingen åtgärd för problemet</source>
        <translation>No measure for the problem</translation>
    </message>
    <message>
        <source>Inget fokusområde</source>
        <translation>No focus area</translation>
    </message>
    <message>
        <source>Inte kopplad till något problem</source>
        <translation>Not linked to any problem</translation>
    </message>
    <message>
        <source>Inte återkopplad</source>
        <translation>Not reported back</translation>
    </message>
    <message>
        <source>Svarar inte mot något fokusområde</source>
        <translation>Answers no focus area</translation>
    </message>
</context>
<context>
    <name>TraceDialog</name>
    <message>
        <source>Kedjan</source>
        <translation>The chain</translation>
    </message>
    <message>
        <source>Kedjan – %1</source>
        <translation>The chain – %1</translation>
    </message>
</context>
<context>
    <name>TraceModel</name>
    <message>
        <source>Brott i kedjan</source>
        <translation>Breaks in the chain</translation>
    </message>
    <message>
        <source>I kedjan</source>
        <translation>In the chain</translation>
    </message>
    <message>
        <source>Läge</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>TraceView</name>
    <message>
        <source>%1 av %2 uppföljda</source>
        <translation>%1 of %2 followed up</translation>
    </message>
    <message>
        <source>%1%2 (%3 st)</source>
        <translation>%1%2 (%3 raised it)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%n brott</source>
        <translation>%n break(s)</translation>
    </message>
    <message numerus="yes">
        <source>%n brott i kedjan – markerade nedan</source>
        <translation>
            <numerusform>%n break in the chain – marked below</numerusform>
            <numerusform>%n breaks in the chain – marked below</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deltagare</source>
        <translation>
            <numerusform>%n participant</numerusform>
            <numerusform>%n participants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n åtgärder</source>
        <translation>
            <numerusform>%n measure</numerusform>
            <numerusform>%n measures</numerusform>
        </translation>
    </message>
    <message>
        <source>Fokusområden och synpunkterna bakom dem</source>
        <translation>Focus areas and the concerns behind them</translation>
    </message>
    <message>
        <source>Framsteg</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Framsteg (härlett ur åtgärderna): &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Progress (derived from the measures): &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Hel</source>
        <translation>Whole</translation>
    </message>
    <message>
        <source>Inga synpunkter antecknade</source>
        <translation>No concerns recorded</translation>
    </message>
    <message>
        <source>Inga ännu</source>
        <translation>None yet</translation>
    </message>
    <message>
        <source>Ingen åtgärd tjänar löftet</source>
        <translation>No measure serves the promise</translation>
    </message>
    <message>
        <source>Kedjan</source>
        <translation>The chain</translation>
    </message>
    <message>
        <source>Kedjan för dialogen %1</source>
        <translation>The chain of the dialogue %1</translation>
    </message>
    <message>
        <source>Kedjan för medborgarlöftet %1</source>
        <translation>The chain of the citizen promise %1</translation>
    </message>
    <message>
        <source>Kedjan är hel</source>
        <translation>The chain is whole</translation>
    </message>
    <message>
        <source>Kedjans läge</source>
        <translation>State of the chain</translation>
    </message>
    <message>
        <source>Klicka eller tryck Enter för att öppna posten.</source>
        <translation>Click or press Enter to open the record.</translation>
    </message>
    <message>
        <source>Laddar…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Löfte</source>
        <translation>Promise</translation>
    </message>
    <message>
        <source>Löftet</source>
        <translation>The promise</translation>
    </message>
    <message>
        <source>Löftet har inget fokusområde</source>
        <translation>The promise has no focus area</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>Synpunkter</source>
        <translation>Concerns</translation>
    </message>
    <message>
        <source>Synpunkterna och vad som blev av dem</source>
        <translation>The concerns and what became of them</translation>
    </message>
    <message>
        <source>Uppföljning</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Uppföljningar</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>aldrig uppföljd</source>
        <translation>never followed up</translation>
    </message>
    <message>
        <source>genomfört</source>
        <translation>done</translation>
    </message>
    <message>
        <source>inga åtgärder</source>
        <translation>no measures</translation>
    </message>
    <message>
        <source>inställt</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>inte påbörjat</source>
        <translation>not started</translation>
    </message>
    <message>
        <source>leder till</source>
        <translation>leads to</translation>
    </message>
    <message>
        <source>pågår</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>rapporterad till %1</source>
        <translation>reported to %1</translation>
    </message>
    <message>
        <source>senast uppföljd %1</source>
        <translation>last followed up %1</translation>
    </message>
    <message>
        <source>sämsta färg: %1</source>
        <translation>worst colour: %1</translation>
    </message>
    <message>
        <source>Återkopplad %1</source>
        <translation>Reported back %1</translation>
    </message>
    <message>
        <source>Återkoppling</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>Återkoppling till deltagarna</source>
        <translation>Feedback to the participants</translation>
    </message>
    <message>
        <source>Återkoppling till dialogerna bakom löftet</source>
        <translation>Feedback to the dialogues behind the promise</translation>
    </message>
    <message>
        <source>Åtgärder</source>
        <translation>Measures</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>Analys</source>
        <translation>Analysis</translation>
    </message>
    <message>
        <source>Handlingsplan</source>
        <translation>Action plan</translation>
    </message>
</context>
<context>
    <name>ActionPlanModel</name>
    <message>
        <source>(inget av löftets fokusområden)</source>
        <translation>(none of the promise's focus areas)</translation>
    </message>
    <message>
        <source>Fokusområde</source>
        <translation>Focus area</translation>
    </message>
    <message>
        <source>Inte uppföljd</source>
        <translation>Not followed up</translation>
    </message>
    <message>
        <source>När</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Operativt mål</source>
        <translation>Operational goal</translation>
    </message>
    <message>
        <source>Orsak</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Uppföljning</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Utan markering</source>
        <translation>No mark</translation>
    </message>
    <message>
        <source>Vem</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>från %1</source>
        <translation>from %1</translation>
    </message>
    <message>
        <source>senast %1</source>
        <translation>by %1</translation>
    </message>
    <message>
        <source>Åtgärd</source>
        <translation>Measure</translation>
    </message>
</context>
<context>
    <name>ActionPlanPage</name>
    <message>
        <source>%1 % genomförda</source>
        <translation>%1 % done</translation>
    </message>
    <message>
        <source>%1 (inte mätt ännu)</source>
        <translation>%1 (not measured yet)</translation>
    </message>
    <message>
        <source>%1 lovar att …</source>
        <translation>%1 promises to …</translation>
    </message>
    <message>
        <source>%1 · %2 – %3 · Läget: %4</source>
        <translation>%1 · %2 – %3 · State: %4</translation>
    </message>
    <message numerus="yes">
        <source>%n åtgärder</source>
        <translation>
            <numerusform>%n measure</numerusform>
            <numerusform>%n measures</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Fokusområden (Retur öppnar problemet):</source>
        <translation>&amp;Focus areas (Enter opens the problem):</translation>
    </message>
    <message>
        <source>&amp;Indikatorer (Retur öppnar indikatorn):</source>
        <translation>&amp;Indicators (Enter opens the indicator):</translation>
    </message>
    <message>
        <source>&amp;Medborgarlöfte:</source>
        <translation>Citizen &amp;promise:</translation>
    </message>
    <message>
        <source>(välj ett medborgarlöfte)</source>
        <translation>(choose a citizen promise)</translation>
    </message>
    <message>
        <source>Diagram över indikatorernas värden</source>
        <translation>Charts of the indicators' values</translation>
    </message>
    <message>
        <source>Diagram: %1</source>
        <translation>Chart: %1</translation>
    </message>
    <message>
        <source>Fokusområden</source>
        <translation>Focus areas</translation>
    </message>
    <message>
        <source>Indikatorer</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>Ingen part har lovat något ännu.</source>
        <translation>No party has promised anything yet.</translation>
    </message>
    <message>
        <source>Kommunen lovar att …</source>
        <translation>The municipality promises to …</translation>
    </message>
    <message>
        <source>Läget</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Löften per fokusområde</source>
        <translation>Promises by focus area</translation>
    </message>
    <message>
        <source>Hela löftet</source>
        <translation>The whole promise</translation>
    </message>
    <message>
        <source>%1 (inte längre ett av löftets fokusområden)</source>
        <translation>%1 (no longer one of the promise&apos;s focus areas)</translation>
    </message>
    <message>
        <source>Inga löften för fokusområdet ännu.</source>
        <translation>No promises for this focus area yet.</translation>
    </message>
    <message>
        <source>Löftet har inga fokusområden ännu.</source>
        <translation>The promise has no focus areas yet.</translation>
    </message>
    <message>
        <source>Löftet har inga indikatorer ännu.</source>
        <translation>The promise has no indicators yet.</translation>
    </message>
    <message>
        <source>Mål</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Polisen lovar att …</source>
        <translation>The police promise to …</translation>
    </message>
    <message>
        <source>Samlad markering vid uppföljning: %1</source>
        <translation>Overall mark at follow-up: %1</translation>
    </message>
    <message>
        <source>Uppmätt</source>
        <translation>Measured</translation>
    </message>
    <message>
        <source>Utgångsvärde</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>Vad varje &amp;part lovar, per fokusområde (Retur öppnar posten):</source>
        <translation>What each &amp;party promises, by focus area (Enter opens the record):</translation>
    </message>
    <message numerus="yes">
        <source>följts upp: %1 av %n</source>
        <translation>
            <numerusform>followed up: %1 of %n</numerusform>
            <numerusform>followed up: %1 of %n</numerusform>
        </translation>
    </message>
    <message>
        <source>genomfört</source>
        <translation>done</translation>
    </message>
    <message>
        <source>inga åtgärder ännu</source>
        <translation>no measures yet</translation>
    </message>
    <message>
        <source>inställt</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>inte påbörjat</source>
        <translation>not started</translation>
    </message>
    <message>
        <source>pågår</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>Å&amp;tgärder (Retur öppnar åtgärden):</source>
        <translation>Mea&amp;sures (Enter opens the measure):</translation>
    </message>
    <message>
        <source>Åtgärdsplan</source>
        <translation>Action plan</translation>
    </message>
    <message>
        <source>Öppna &amp;löftet</source>
        <translation>Open the pro&amp;mise</translation>
    </message>
</context>
<context>
    <name>AnalysisPage</name>
    <message numerus="yes">
        <source>%n källor</source>
        <translation>
            <numerusform>%n source</numerusform>
            <numerusform>%n sources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n synpunkter som %1 personer tog upp</source>
        <translation>
            <numerusform>%n concern raised by %1 people</numerusform>
            <numerusform>%n concerns raised by %1 people</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Källor (Retur öppnar lägesbilden):</source>
        <translation>Sour&amp;ces (Enter opens the situation picture):</translation>
    </message>
    <message>
        <source>&amp;Lägg till</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>&amp;Problem:</source>
        <translation>&amp;Problem:</translation>
    </message>
    <message>
        <source>&amp;Synpunkter (Retur öppnar):</source>
        <translation>&amp;Concerns (Enter opens):</translation>
    </message>
    <message numerus="yes">
        <source>(%n endast för polisen)</source>
        <translation>
            <numerusform>(%n for the police only)</numerusform>
            <numerusform>(%n for the police only)</numerusform>
        </translation>
    </message>
    <message>
        <source>(välj ett problem)</source>
        <translation>(choose a problem)</translation>
    </message>
    <message>
        <source>Beskriv en orsak och tryck Retur</source>
        <translation>Describe a cause and press Enter</translation>
    </message>
    <message>
        <source>Brottstriangeln</source>
        <translation>Crime triangle</translation>
    </message>
    <message>
        <source>Flytta &amp;ned</source>
        <translation>Move &amp;down</translation>
    </message>
    <message>
        <source>Flytta &amp;upp</source>
        <translation>Move &amp;up</translation>
    </message>
    <message>
        <source>Ingen analys ännu – den skapas när du skriver</source>
        <translation>No analysis yet – it is created when you type</translation>
    </message>
    <message>
        <source>Inte sparat</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Källor som underlag</source>
        <translation>Sources as evidence</translation>
    </message>
    <message>
        <source>Meddelande</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>N&amp;y orsak:</source>
        <translation>N&amp;ew cause:</translation>
    </message>
    <message>
        <source>Numrerade &amp;orsaker (F2 ändrar):</source>
        <translation>Numbered ca&amp;uses (F2 edits):</translation>
    </message>
    <message>
        <source>Orsak %1 togs bort.</source>
        <translation>Cause %1 was removed.</translation>
    </message>
    <message>
        <source>Orsaker</source>
        <translation>Causes</translation>
    </message>
    <message>
        <source>Orsaker, numrerade</source>
        <translation>Causes, numbered</translation>
    </message>
    <message>
        <source>SARA</source>
        <translation>SARA</translation>
    </message>
    <message>
        <source>Skriv inte personuppgifter om medborgare.</source>
        <translation>Do not write personal data about citizens.</translation>
    </message>
    <message>
        <source>Sparat %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Sparstatus</source>
        <translation>Save status</translation>
    </message>
    <message>
        <source>Steg för steg, från början till &amp;händelsen:</source>
        <translation>Step by step, from the start to the &amp;event:</translation>
    </message>
    <message>
        <source>Synpunkter som underlag</source>
        <translation>Concerns as evidence</translation>
    </message>
    <message>
        <source>Ta &amp;bort orsak</source>
        <translation>&amp;Remove cause</translation>
    </message>
    <message>
        <source>Underlag</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>analyserat</source>
        <translation>analysed</translation>
    </message>
    <message>
        <source>Ändrat – sparas strax</source>
        <translation>Changed – saving shortly</translation>
    </message>
    <message>
        <source>Öppna &amp;problemet</source>
        <translation>Open the pro&amp;blem</translation>
    </message>
</context>
<context>
    <name>CauseListModel</name>
    <message numerus="yes">
        <source>Orsak %1: %n åtgärder svarar mot den.</source>
        <translation>
            <numerusform>Cause %1: %n measure answers it.</numerusform>
            <numerusform>Cause %1: %n measures answer it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConcernEvidenceModel</name>
    <message>
        <source>(ingen plats)</source>
        <translation>(no place)</translation>
    </message>
    <message>
        <source>Antal</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Dialog</source>
        <translation>Dialogue</translation>
    </message>
    <message>
        <source>Plats</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Tema</source>
        <translation>Theme</translation>
    </message>
</context>
<context>
    <name>IndicatorModel</name>
    <message>
        <source>Indikator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Inte mätt</source>
        <translation>Not measured</translation>
    </message>
    <message>
        <source>Källa</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Mätningar</source>
        <translation>Measurements</translation>
    </message>
    <message>
        <source>Målvärde</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Senast uppmätt</source>
        <translation>Latest measured</translation>
    </message>
    <message>
        <source>Utgångsvärde</source>
        <translation>Baseline</translation>
    </message>
</context>
<context>
    <name>SourceEvidenceModel</name>
    <message>
        <source>Beskrivning</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Endast polis</source>
        <translation>Police only</translation>
    </message>
    <message>
        <source>Kan delas</source>
        <translation>May be shared</translation>
    </message>
    <message>
        <source>Lägesbild</source>
        <translation>Situation picture</translation>
    </message>
    <message>
        <source>Spridning</source>
        <translation>Distribution</translation>
    </message>
    <message>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
</context>
</TS>
