<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
<context>
    <name>AppController</name>
    <message>
        <source>Kommunpolis</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <source>Utbyte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Här exporterar du dina poster som en signerad och krypterad paketfil till regionkontoret, och importerar paket därifrån. Funktionen är inte klar än i den här versionen.

Tills vidare: säkerhetskopior av databasen finns under Inställningar.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Välkommen till Kommunpolis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Börja med att berätta vem du är. Uppgifterna står som upphov på det du registrerar och kan ändras senare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>För- och efternamn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Namn:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll: Kommunpolis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll: Samordnare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Roll:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valfritt, t.ex. LPO Norrort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lokalpolisområde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lokalpolisområde:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sök kommun eller län</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sök kommun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kommuner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Visa bara valda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kommuner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profilen sparas bara på den här datorn. Ditt namn följer med när du delar en fil med andra. Registrera aldrig uppgifter om enskilda medborgare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Skapa profil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ange ditt namn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sparar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Valda kommuner: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Öppen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sekretess</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kommunpolis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samordnare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Torg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skola</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Väg/gata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Park</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Område</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annan plats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kommunal förvaltning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bostadsbolag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Förening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Näringsidkare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Räddningstjänst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Länsstyrelse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polisen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annan organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medborgardialog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medarbetardialog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppet möte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trygghetsvandring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enkät</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fokusgrupp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intervju</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rådslag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialogstand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skolbesök</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konsultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delaktighet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medbestämmande</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>När som helst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dagtid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kvällar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nätter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skoltid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Säsongsvis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samverkansmöte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Styrgrupp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbetsgrupp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lokalt BRÅ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annat möte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kommun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lokalpolisområde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kommunen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gemensam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brottsstatistik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trygghetsmätning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialoger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polisiär underrättelse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kommunal statistik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapport från samverkanspart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annan källa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samverkanspart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grön</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gul</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Röd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effekt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fråga i trygghetsmätning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brottskategori</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Antal aktiviteter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planerad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genomförd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sammanställd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Återkopplad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utkast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Justerat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Struken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifierat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prioriterat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyserat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åtgärdat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avslutat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undertecknad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gällande</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utgången</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undertecknat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publicerat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uppföljt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ej påbörjad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pågår</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inställd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lokalpolisområden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisationer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kontakt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kontakter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teman</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synpunkt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synpunkter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Möte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Möten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beslut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åtgärdspunkt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åtgärdspunkter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lägesbild</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lägesbilder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Källa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Källor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orsaksanalys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orsaksanalyser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orsak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orsaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samverkansöverenskommelse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samverkansöverenskommelser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medborgarlöfte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medborgarlöften</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åtagande</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åtaganden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åtgärd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åtgärder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indikator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indikatorer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indikatorvärde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indikatorvärden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uppföljning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uppföljningar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bilaga</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bilagor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Kommunpolis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Avsluta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ny</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny post i den här delen (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny &amp;dialog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sök…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sök bland alla poster (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ån&amp;gra borttagning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Om Kommunpolis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Arkiv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redigera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Visa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hjälp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verktyg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skapa profil…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delar av programmet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Databas: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ångra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Borttagningen ångrades.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppnar databasen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen profil ännu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skapa din profil för att börja arbeta.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lokalpolisområde: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kommuner: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inga kommuner valda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen säkerhetskopia ännu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Senaste säkerhetskopia: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Säkerhetskopian misslyckades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Om Kommunpolis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kommunpolis {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medborgardialoger, synpunkter, lägesbilder och medborgarlöften – på din egen dator, även utan nätverk.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MunicipalityListModel</name>
    <message>
        <source>{name} ({county})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordCountsModel</name>
    <message>
        <source>Typ av post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aktiva</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Borttagna</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordSection</name>
    <message>
        <source>Vad som visas</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>Kommunpolis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samordnare</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Allmänt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Svenska</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engelska (English)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Språk:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datamapp:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Databasen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Antal poster per typ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Säkerhetskopior</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Säkerhetskopiera nu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Återställ en kopia med kommandot: kommunpolis restore SÖKVÄG (stäng appen först; den nuvarande databasen sparas undan).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Säkerhetskopierar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klart: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Det nya språket används när du startar om Kommunpolis.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
